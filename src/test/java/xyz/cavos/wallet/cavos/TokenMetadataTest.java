package xyz.cavos.wallet.cavos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.swmansion.starknet.data.types.StarknetByteArray;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Selector;

/**
 * A token's symbol and decimals as its contract answers them: Cairo short strings and ByteArrays checked against
 * outside encodings (starknet.js's documented example, starknet-jvm 0.18.0's {@code StarknetByteArray}), the bounds,
 * and symbols that would disguise themselves.
 */
class TokenMetadataTest {

    @Test
    void selectorsAreThePublishedOnes() {
        // sn_keccak values as published in OpenZeppelin's and Starknet tooling's selector tables
        assertEquals(Felt.parse("0x216b05c387bab9ac31918a3e61672f4618601f3c598a2f3f2710f37053e1ea4"), Selector.of("symbol"));
        assertEquals(Felt.parse("0x4c4fb1ab068f6039d5780c68dd0fa2f8742cceb3426d19667778ca7f3518a9"), Selector.of("decimals"));
        assertEquals(Felt.parse("0x1e888a1026b19c8c0b57c72d63ed1737106aa10034105b980ba117bd0c29fe1"), Selector.of("allowance"));
        assertEquals(Felt.parse("0x219209e083275171774dab1df80982e9df2096516f06319c5c6d71ae0a8480c"), Selector.of("approve"));
        assertEquals(Felt.parse("0x134692b230b9e1ffa39098904722134159652b09c5bc41d88d6698779d228ff"), Selector.of("Approval"));
        assertEquals(TokenMetadata.symbolCall(Token.STRK.address()).selector(), Selector.of("symbol"));
        assertEquals(TokenMetadata.decimalsCall(Token.STRK.address()).selector(), Selector.of("decimals"));
    }

    @Test
    void aShortStringSymbolIsReadAsTheBytesOfOneFelt() {
        assertEquals("STRK", TokenMetadata.symbol(List.of(Felt.parse("0x5354524b"))));
        assertEquals("USDC.e", TokenMetadata.symbol(List.of(Felt.fromShortString("USDC.e"))));
    }

    @Test
    void aByteArraySymbolMatchesStarknetJsDocumentedExample() {
        // starknet.js byteArrayFromString("ABCDEFGHI"): { data: [], pending_word: '0x414243444546474849', pending_word_len: 9 }
        assertEquals("ABCDEFGHI", TokenMetadata.symbol(List.of(Felt.ZERO, Felt.parse("0x414243444546474849"), Felt.of(9))));
    }

    @Test
    void byteArraySymbolsMatchStarknetJvm() {
        for (String symbol : List.of("wBTC", "xSTRK", "A", "SIXTEEN-CHARS-OK", "USD Coin")) {
            List<Felt> encoded = StarknetByteArray.Companion.fromString(symbol).toCalldata().stream()
                    .map(f -> Felt.of(f.getValue())).toList();
            assertEquals(symbol, TokenMetadata.symbol(encoded), "starknet-jvm's encoding of " + symbol);
        }
    }

    @Test
    void aByteArraySymbolSpanningFullWordsIsJoinedAsUtf8() {
        String symbol = "ÆØÅÆØÅÆØÅÆØÅÆØÅÆ"; // 32 bytes in UTF-8: one full word of 31 bytes, one byte pending
        byte[] bytes = symbol.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(32, bytes.length);
        Felt word = Felt.of(new BigInteger(1, java.util.Arrays.copyOf(bytes, 31)));
        Felt pending = Felt.of(bytes[31] & 0xff);
        assertEquals(symbol, TokenMetadata.symbol(List.of(Felt.ONE, word, pending, Felt.ONE)));
        assertEquals("€", TokenMetadata.symbol(List.of(Felt.ZERO, Felt.parse("0xe282ac"), Felt.of(3))), "U+20AC in UTF-8");
    }

    @Test
    void longOrMalformedSymbolsAreRefused() {
        List<Felt> tooLong = StarknetByteArray.Companion.fromString("A".repeat(17)).toCalldata().stream().map(f -> Felt.of(f.getValue())).toList();
        assertTrue(refused(tooLong).contains("longer than 16"), refused(tooLong));
        assertTrue(refused(List.of(Felt.of(1_000_000), Felt.ZERO, Felt.ZERO)).contains("longer"));
        assertTrue(refused(List.of(Felt.ZERO, Felt.parse("0x41"), Felt.of(31))).contains("well-formed"), "pending length above 30");
        assertTrue(refused(List.of(Felt.ZERO, Felt.parse("0x414243"), Felt.of(2))).contains("well-formed"), "pending word longer than its length");
        assertTrue(refused(List.of(Felt.ZERO, Felt.ZERO)).contains("neither"));
        assertTrue(refused(List.of()).contains("nothing"));
        assertTrue(refused(List.of(Felt.ZERO)).contains("empty"));
        assertTrue(refused(List.of(Felt.of(new BigInteger("ff", 16)))).contains("not valid text"), "a lone 0xff byte is not UTF-8");
    }

    @Test
    void symbolsThatWouldDisguiseThemselvesAreRefused() {
        assertTrue(refused(List.of(Felt.parse("0x55534443000a"))).contains("cannot be shown"), "a NUL and a line break");
        assertTrue(refused(byteArray("USD\u202eC")).contains("U+202E"), "a right-to-left override");
        assertTrue(refused(byteArray("US\u200bDC")).contains("U+200B"), "a zero-width space");
        assertTrue(refused(byteArray("USDC\u0301")).contains("U+0301"), "a combining accent");
        assertTrue(refused(List.of(Felt.fromShortString(" USDC"))).contains("stray spaces"));
        assertEquals("Wrapped BTC", TokenMetadata.symbol(List.of(Felt.fromShortString("Wrapped BTC"))));
    }

    @Test
    void decimalsAreZeroToThirtySix() {
        assertEquals(0, TokenMetadata.decimals(List.of(Felt.ZERO)));
        assertEquals(6, TokenMetadata.decimals(List.of(Felt.of(6))));
        assertEquals(36, TokenMetadata.decimals(List.of(Felt.of(36))));
        assertThrows(IllegalArgumentException.class, () -> TokenMetadata.decimals(List.of(Felt.of(37))));
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> TokenMetadata.decimals(List.of(Felt.parse("0x800000000000011000000000000000000000000000000000000000000000000"))));
        assertTrue(huge.getMessage().contains("more than 36"), huge.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TokenMetadata.decimals(List.of(Felt.of(6), Felt.ZERO)));
    }

    /** A ByteArray of fewer than 31 bytes of UTF-8: no full word, all pending. */
    private static List<Felt> byteArray(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return List.of(Felt.ZERO, Felt.of(new BigInteger(1, bytes)), Felt.of(bytes.length));
    }

    private static String refused(List<Felt> reply) {
        return assertThrows(IllegalArgumentException.class, () -> TokenMetadata.symbol(reply)).getMessage();
    }
}
