package xyz.cavos.wallet.cavos;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;

/**
 * An ERC-20's symbol and decimals as its contract answers them, read with care: the symbol is a Cairo short string
 * (one felt, older tokens) or a {@code ByteArray} (newer ones: full 31-byte words, a pending word and its length);
 * either must be short, valid UTF-8 and printable, so a token cannot write control characters, right-to-left
 * overrides or a page of text where its name is shown. Decimals are 0 to {@value #MAX_DECIMALS}.
 */
public final class TokenMetadata {

    /** The longest symbol kept, in characters: real ones are a few letters. */
    public static final int MAX_SYMBOL_CHARS = 16;
    /** The most decimals a token may have; more would make amounts unreadable and is refused. */
    public static final int MAX_DECIMALS = 36;
    /** Full words a ByteArray symbol may have: {@value #MAX_SYMBOL_CHARS} characters fit in three (UTF-8, 4 bytes at most each). */
    private static final int MAX_FULL_WORDS = 3;
    private static final int WORD_BYTES = 31;

    private TokenMetadata() {
    }

    /** {@code symbol()} on the token. */
    public static Call symbolCall(Felt token) {
        return Call.of(token, "symbol", List.of());
    }

    /** {@code decimals()} on the token. */
    public static Call decimalsCall(Felt token) {
        return Call.of(token, "decimals", List.of());
    }

    /**
     * The symbol in a {@code symbol()} reply: one felt is a short string, more are a ByteArray. Throws
     * {@link IllegalArgumentException} saying what is wrong with it.
     */
    public static String symbol(List<Felt> reply) {
        if (reply.isEmpty()) {
            throw new IllegalArgumentException("its symbol() returned nothing");
        }
        byte[] bytes = reply.size() == 1 ? shortString(reply.getFirst()) : byteArray(reply);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("its symbol is not valid text");
        }
        return checkSymbol(text);
    }

    /**
     * A symbol as the wallet shows it: 1 to {@value #MAX_SYMBOL_CHARS} letters, digits, punctuation or symbols, with
     * single spaces only between them; returned as given, else {@link IllegalArgumentException}.
     */
    public static String checkSymbol(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("its symbol is empty");
        }
        if (text.codePointCount(0, text.length()) > MAX_SYMBOL_CHARS) {
            throw new IllegalArgumentException("its symbol is longer than " + MAX_SYMBOL_CHARS + " characters");
        }
        text.codePoints().forEach(c -> {
            if (c != ' ' && !printable(c)) {
                throw new IllegalArgumentException("its symbol has a character that cannot be shown (U+"
                        + String.format("%04X", c) + ")");
            }
        });
        if (text.startsWith(" ") || text.endsWith(" ") || text.contains("  ")) {
            throw new IllegalArgumentException("its symbol has stray spaces");
        }
        return text;
    }

    private static boolean printable(int c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false; // controls, format characters (bidi overrides), combining marks, separators, private use, unassigned
        };
    }

    /** The decimals in a {@code decimals()} reply: one felt, 0 to {@value #MAX_DECIMALS}. */
    public static int decimals(List<Felt> reply) {
        if (reply.size() != 1) {
            throw new IllegalArgumentException("its decimals() did not return one number");
        }
        BigInteger value = reply.getFirst().value();
        if (value.compareTo(BigInteger.valueOf(MAX_DECIMALS)) > 0) {
            throw new IllegalArgumentException("it says it has " + (value.bitLength() > 32 ? "more than " + MAX_DECIMALS : value)
                    + " decimals (at most " + MAX_DECIMALS + " are shown)");
        }
        return value.intValueExact();
    }

    /** A short string's bytes: at most 31, big-endian, leading zero bytes dropped. */
    private static byte[] shortString(Felt word) {
        return word(word.value(), word.value().bitLength() > 8 * WORD_BYTES ? -1 : (word.value().bitLength() + 7) / 8);
    }

    /** A ByteArray's bytes: {@code [n, word_1 … word_n, pending_word, pending_word_len]}. */
    private static byte[] byteArray(List<Felt> reply) {
        BigInteger count = reply.getFirst().value();
        if (count.compareTo(BigInteger.valueOf(MAX_FULL_WORDS)) > 0) {
            throw new IllegalArgumentException("its symbol is longer than " + MAX_SYMBOL_CHARS + " characters");
        }
        int full = count.intValueExact();
        if (reply.size() != full + 3) {
            throw new IllegalArgumentException("its symbol() returned neither a short string nor a ByteArray");
        }
        BigInteger pendingLength = reply.get(full + 2).value();
        if (pendingLength.compareTo(BigInteger.valueOf(WORD_BYTES - 1)) > 0) {
            throw new IllegalArgumentException("its symbol is not a well-formed ByteArray");
        }
        ByteBuffer out = ByteBuffer.allocate(full * WORD_BYTES + WORD_BYTES);
        for (int i = 1; i <= full; i++) {
            out.put(word(reply.get(i).value(), WORD_BYTES));
        }
        out.put(word(reply.get(full + 1).value(), pendingLength.intValueExact()));
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    /** {@code value} as exactly {@code length} big-endian bytes; a value that does not fit is refused. */
    private static byte[] word(BigInteger value, int length) {
        if (length < 0 || value.bitLength() > 8 * length) {
            throw new IllegalArgumentException("its symbol is not a well-formed string");
        }
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }
}
