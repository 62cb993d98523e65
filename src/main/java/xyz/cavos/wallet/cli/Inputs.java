package xyz.cavos.wallet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvalidValueException;
import xyz.cavos.wallet.starknet.Json;
import xyz.cavos.wallet.starknet.Selector;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.wallet.NextStep;
import xyz.cavos.wallet.wallet.WalletError;
import xyz.cavos.wallet.wallet.WalletService;

/** Parsing what people type: tokens, amounts, addresses, calldata, multicall JSON. Each failure is a usage error. */
final class Inputs {

    /** The most read from standard input for one value: room for a session token or a list of long URLs. */
    static final int MAX_PIPED_CHARS = 64 * 1024;

    /** Calls in one multicall: far above what a session allows per transaction. */
    static final int MAX_CALLS = 64;
    /** Calldata values in one call. */
    static final int MAX_CALLDATA_ITEMS = 4096;
    /** The longest multicall JSON read, inline or from a file. */
    static final int MAX_CALLS_JSON_CHARS = 1024 * 1024;

    private Inputs() {
    }

    /**
     * The multicall file after {@code @}: a regular file of at most {@link #MAX_CALLS_JSON_CHARS} bytes (a device such
     * as /dev/zero or a pipe is refused before it is read), as UTF-8.
     */
    private static String callsFile(String name) {
        String shown = "--calls @" + InvalidValueException.quote(name).replaceAll("^\"|\"$", "");
        try {
            Path file = Path.of(name);
            if (!Files.isRegularFile(file)) {
                throw new WalletError(WalletError.Code.INVALID_CALLDATA, "Could not read " + shown + ": "
                        + (Files.isDirectory(file) ? "it is a folder" : Files.exists(file) ? "it is not a regular file" : "there is no such file")
                        + ".", "Give the path of a JSON file after @.");
            }
            if (Files.size(file) > MAX_CALLS_JSON_CHARS) {
                throw new WalletError(WalletError.Code.INVALID_CALLDATA, shown + " is larger than "
                        + MAX_CALLS_JSON_CHARS / 1024 + " KB.", "Give at most " + MAX_CALLS + " calls, as a JSON array.");
            }
            byte[] bytes;
            try (var in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_CALLS_JSON_CHARS + 1); // the file may have grown since it was measured
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (IOException | InvalidPathException | SecurityException e) {
            throw new WalletError(WalletError.Code.INVALID_CALLDATA, "Could not read " + shown + ": " + unreadable(e, name) + ".",
                    "Check the file path after @.");
        }
    }

    /**
     * A secret typed hidden at a terminal, or what was piped in: at most {@link #MAX_PIPED_CHARS} and one more
     * character, so a caller can tell that there was too much without reading it all. {@code unreadable} is
     * thrown when standard input cannot be read.
     */
    static String hiddenOrPiped(String prompt, WalletError unreadable) {
        if (System.console() != null) {
            char[] typed = System.console().readPassword(prompt);
            return typed == null ? "" : new String(typed);
        }
        try {
            Reader in = new InputStreamReader(System.in, StandardCharsets.UTF_8);
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            for (int read = in.read(buffer); read >= 0 && text.length() <= MAX_PIPED_CHARS; read = in.read(buffer)) {
                text.append(buffer, 0, Math.min(read, MAX_PIPED_CHARS + 1 - text.length()));
            }
            return text.toString();
        } catch (IOException e) {
            throw unreadable;
        }
    }

    /** A built-in token by symbol or address; empty for any other text, which may name a listed token. */
    static java.util.Optional<Token> builtInToken(String text) {
        var bySymbol = Token.bySymbol(text);
        if (bySymbol.isPresent()) {
            return bySymbol;
        }
        try {
            return Token.byAddress(Felt.parse("Token", text));
        } catch (InvalidValueException e) {
            return java.util.Optional.empty();
        }
    }

    /** A built-in token, or one the wallet lists (named by a policy or added); an unknown one says where tokens are listed and added. */
    static Token token(String text, java.util.function.Supplier<WalletService> wallet) {
        return builtInToken(text).orElseGet(() -> {
            try {
                return wallet.get().findToken(text);
            } catch (WalletError e) {
                if (e.code() != WalletError.Code.UNKNOWN_TOKEN) {
                    throw e;
                }
                throw new WalletError(e.code(), e.getMessage(), e.advice(), new NextStep.FixArgument(
                        "See the tokens with: cavos tokens list (add one with: cavos tokens add ADDRESS)"));
            }
        });
    }

    static U256 amount(String text, Token token) {
        return amount(text, token, false);
    }

    /** An amount of {@code token}; zero only where {@code zeroAllowed} (an approval of zero revokes one). */
    static U256 amount(String text, Token token, boolean zeroAllowed) {
        try {
            U256 amount = U256.parseAmount(text, token.decimals());
            if (amount.isZero() && !zeroAllowed) {
                throw new WalletError(WalletError.Code.INVALID_AMOUNT, "Amount " + InvalidValueException.quote(text) + " is zero.", "Give an amount above zero, e.g. --amount 1.5");
            }
            return amount;
        } catch (InvalidValueException e) {
            throw new WalletError(WalletError.Code.INVALID_AMOUNT, e.getMessage() + " (" + token.symbol() + ").",
                    "Give a plain decimal amount, e.g. --amount 1.5");
        }
    }

    static Felt address(String what, String text) {
        try {
            Felt address = Felt.parse(what, text);
            if (address.isZero()) {
                throw new WalletError(WalletError.Code.INVALID_ADDRESS, what + " must not be the zero address.", "Check the address and try again.");
            }
            return address;
        } catch (InvalidValueException e) {
            throw new WalletError(WalletError.Code.INVALID_ADDRESS, e.getMessage() + ".", "Give a Starknet address such as 0x04a1…7e8f.");
        }
    }

    static Felt entrypoint(String text) {
        if (text.startsWith("0x")) {
            try {
                return Felt.parse("Entry point selector", text);
            } catch (InvalidValueException e) {
                throw new WalletError(WalletError.Code.INVALID_CALLDATA, e.getMessage() + ".", "Give an entry point name such as transfer.");
            }
        }
        if (!text.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new WalletError(WalletError.Code.INVALID_CALLDATA, "Entry point " + InvalidValueException.quote(text) + " is not a Cairo function name.",
                    "Give a name such as transfer, or a selector in hex.");
        }
        return Selector.of(text);
    }

    /**
     * Comma-separated calldata: felts in hex or decimal, {@code u256:N} (two felts, low and high) and
     * {@code str:text} (a short string).
     */
    static List<Felt> calldata(String text) {
        List<Felt> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String[] items = text.split(",", MAX_CALLDATA_ITEMS + 2);
        if (items.length > MAX_CALLDATA_ITEMS) {
            throw tooMuchCalldata();
        }
        for (String raw : items) {
            out.addAll(calldataItem(raw.strip()));
        }
        return out;
    }

    private static WalletError tooMuchCalldata() {
        return new WalletError(WalletError.Code.INVALID_CALLDATA, "A call has more than " + MAX_CALLDATA_ITEMS + " calldata values.",
                "No contract entry point this wallet can call takes that many: check the calldata.");
    }

    static List<Felt> calldataItem(String item) {
        try {
            if (item.startsWith("u256:")) {
                return U256.parse(item.substring(5)).toCalldata();
            }
            if (item.startsWith("str:")) {
                return List.of(Felt.fromShortString(item.substring(4)));
            }
            return List.of(Felt.parse("Calldata value", item));
        } catch (InvalidValueException e) {
            throw new WalletError(WalletError.Code.INVALID_CALLDATA, e.getMessage() + ".",
                    "Write calldata as comma-separated values: 0x1,100,u256:1000,str:hello");
        }
    }

    /**
     * Multicall JSON, inline or {@code @file}: an array of {@code {contractAddress|to, entrypoint, calldata}}
     * (starknet.js's Call shape), calldata items as in {@link #calldata}.
     */
    static List<Call> calls(String text) {
        String source = text.startsWith("@") ? callsFile(text.substring(1)) : text;
        if (source.length() > MAX_CALLS_JSON_CHARS) {
            throw new WalletError(WalletError.Code.INVALID_CALLDATA, "--calls is longer than " + MAX_CALLS_JSON_CHARS + " characters.",
                    "Give at most " + MAX_CALLS + " calls, as a JSON array.");
        }
        JsonNode root;
        try {
            // one JSON value: text after the array would be calls that are silently not made
            root = Json.read(source);
        } catch (IOException e) {
            throw new WalletError(WalletError.Code.INVALID_CALLDATA, "--calls is not valid JSON.",
                    "Pass a JSON array like [{\"contractAddress\":\"0x…\",\"entrypoint\":\"transfer\",\"calldata\":[\"0x1\",\"u256:100\"]}]");
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new WalletError(WalletError.Code.INVALID_CALLDATA, "--calls must be a non-empty JSON array of calls.",
                    "Pass a JSON array like [{\"contractAddress\":\"0x…\",\"entrypoint\":\"transfer\",\"calldata\":[\"0x1\"]}]");
        }
        if (root.size() > MAX_CALLS) {
            throw new WalletError(WalletError.Code.INVALID_CALLDATA, "--calls holds " + root.size() + " calls; at most " + MAX_CALLS
                    + " go in one transaction here.", "Split them into several multicalls (a session allows only a few calls per transaction).");
        }
        List<Call> calls = new ArrayList<>();
        for (JsonNode call : root) {
            JsonNode to = call.has("contractAddress") ? call.get("contractAddress") : call.get("to");
            JsonNode entrypoint = call.has("entrypoint") ? call.get("entrypoint") : call.get("selector");
            if (to == null || entrypoint == null) {
                throw new WalletError(WalletError.Code.INVALID_CALLDATA, "Call " + (calls.size() + 1) + " needs contractAddress and entrypoint.",
                        "Each call is {\"contractAddress\":\"0x…\",\"entrypoint\":\"name\",\"calldata\":[…]}");
            }
            List<Felt> data = new ArrayList<>();
            JsonNode items = call.path("calldata");
            if (items.isTextual()) {
                data.addAll(calldata(items.asText()));
            } else if (items.size() > MAX_CALLDATA_ITEMS) {
                throw tooMuchCalldata();
            } else {
                items.forEach(item -> data.addAll(calldataItem(item.asText())));
            }
            calls.add(new Call(address("Contract address", to.asText()), entrypoint(entrypoint.asText()), data));
        }
        return calls;
    }

    /** Why a file named after {@code @} could not be read, in words. */
    private static String unreadable(Exception e, String file) {
        return switch (e) {
            case NoSuchFileException missing -> "there is no such file";
            case AccessDeniedException denied -> "permission denied";
            case CharacterCodingException notText -> "it is not UTF-8 text";
            case InvalidPathException badName -> "that is not a file name";
            default -> Files.isDirectory(Path.of(file)) ? "it is a folder" : "it cannot be read";
        };
    }
}
