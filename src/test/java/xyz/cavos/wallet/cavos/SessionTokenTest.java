package xyz.cavos.wallet.cavos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.StarkCurve;
import xyz.cavos.wallet.starknet.U256;

class SessionTokenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Felt KEY = Felt.parse("0x3c1e9f0d2b7a4c55e6f8a9b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5");
    private static final Felt WALLET = Felt.parse("0x4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f");

    static SessionToken sample() {
        return SessionToken.builder(KEY, WALLET)
                .validity(1770710400, 1770800400, 1770886800)
                .randomness(Felt.parse("123456789012345678901234567890"))
                .addressSeed(Optional.of(Felt.parse("0x2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091")))
                .appSalt(Felt.parse("0x1a2b3c"))
                .policy(Optional.of(new SessionPolicy(
                        List.of(Token.STRK.address(), Token.ETH.address()),
                        List.of(new SpendingLimit(Token.STRK.address(), U256.parseAmount("100", 18))), 5)))
                .build();
    }

    @Test
    void roundTripsThroughTheDashboardFormat() {
        SessionToken token = sample();
        String encoded = token.encode();
        assertTrue(encoded.startsWith("eyJzZXNzaW9uUHJpdmF0ZUtleSI6"), "the dashboard's tokens all start like this");
        SessionToken back = SessionToken.decode(encoded);
        assertEquals(encoded, back.encode());
        assertEquals(StarkCurve.publicKey(KEY), back.sessionPublicKey());
        assertEquals(WALLET, back.walletAddress());
        assertEquals(1770800400L, back.validUntil());
        assertEquals(5, back.policy().orElseThrow().maxCallsPerTx());
        assertEquals(U256.parseAmount("100", 18), back.policy().orElseThrow().limitFor(Token.STRK.address()).orElseThrow().limit());
        assertEquals(SessionToken.computeNonce(back.sessionPublicKey(), 1770800400L, back.randomness()), back.nonce());
    }

    @Test
    void decodesTheProtocolReferenceLayoutWithMixedCaseAndUnknownFields() throws Exception {
        ObjectNode json = json(sample());
        json.putObject("sessionPolicy").put("maxCallsPerTx", 5)
                .putArray("spendingLimits").addObject()
                .put("token", "0x04718f5a0Fc34cC1AF16A1cdee98fFB20C31f5cD61D6Ab07201858f4287c938D")
                .put("limit", "100000000000000000000");
        ((ObjectNode) json.get("sessionPolicy")).putArray("allowedContracts")
                .add("0x04718f5a0Fc34cC1AF16A1cdee98fFB20C31f5cD61D6Ab07201858f4287c938D");
        json.put("someFutureField", "ignored");
        json.put("network", "sepolia");
        json.put("chainId", "SN_SEPOLIA");
        json.put("rpcUrl", "https://rpc.example/v0_10");
        SessionToken token = SessionToken.decode(base64(json));
        assertEquals(Optional.of(Token.STRK.address()), token.policy().orElseThrow().allowedContracts().stream().findFirst());
        assertTrue(token.policy().orElseThrow().limitFor(Token.STRK.address()).isPresent(), "addresses compare as numbers");
        assertEquals(Optional.of("sepolia"), token.network());
        assertEquals(Optional.of(Felt.fromShortString("SN_SEPOLIA")), token.chainId());
        assertEquals(Optional.of("https://rpc.example/v0_10"), token.rpcUrl());
    }

    @Test
    void toleratesHowPeoplePasteTokens() throws Exception {
        SessionToken token = sample();
        String encoded = token.encode();
        String wrapped = encoded.replaceAll("(.{76})", "$1\n");
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder().decode(encoded));
        for (String pasted : List.of("  " + encoded + "\n", "\"" + encoded + "\"", "'" + encoded + "'", wrapped,
                "\r\n" + wrapped + "\r\n", urlSafe, encoded.replace("=", ""), "export CAVOS_TOKEN=\"" + encoded + "\"",
                "\u201C" + encoded + "\u201D", "\u2018" + encoded + "\u2019", "\u200B " + encoded + "\uFEFF\n", "CAVOS_TOKEN='" + encoded + "'")) {
            assertTrue(token.sameSession(SessionToken.decode(pasted)), pasted);
        }
        String longest = " ".repeat(TokenText.MAX_CHARS - encoded.length()) + encoded;
        assertTrue(token.sameSession(SessionToken.decode(longest)));
        assertRejected(longest + " ", "too long");
    }

    @Test
    void theJsonIsLatin1AsTheBrowsersBtoaWritesIt() {
        SessionToken named = SessionToken.builder(KEY, WALLET).validity(1, 2, 3).walletName(Optional.of("Café ☕")).build();
        byte[] bytes = Base64.getDecoder().decode(named.encode());
        String json = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(json.contains("\"walletName\":\"Caf\u00e9 \\u2615\""), "é is one byte, ☕ (not Latin-1) is escaped: " + json);
        assertEquals(Optional.of("Café ☕"), SessionToken.decode(named.encode()).walletName());
    }

    @Test
    void aTokenWithoutPolicyUsesTheSdkDefaults() throws Exception {
        ObjectNode json = json(sample());
        json.remove("sessionPolicy");
        SessionToken token = SessionToken.decode(base64(json));
        assertTrue(token.policy().isEmpty());
        assertEquals(SessionPolicy.SDK_DEFAULT, token.effectivePolicy());
        assertEquals(Felt.ZERO, token.effectivePolicy().allowedContractsRoot());
    }

    @Test
    void toStringNeverShowsTheKey() {
        String shown = sample().toString();
        assertFalse(containsKey(shown), shown);
        assertTrue(shown.contains(WALLET.toHex()));
    }

    @Test
    void tamperedTokensAreRejectedWithoutShowingTheKey() throws Exception {
        String good = sample().encode();

        ObjectNode flipped = json(sample());
        flipped.put("sessionPrivateKey", "0x" + KEY.value().flipBit(3).toString(16));
        assertRejected(base64(flipped), "does not belong to its public key");

        ObjectNode wrongNonce = json(sample());
        wrongNonce.put("nonce", "0x1234");
        assertRejected(base64(wrongNonce), "nonce does not match");

        ObjectNode badKey = json(sample());
        badKey.put("sessionPrivateKey", "0xZZ" + KEY.value().toString(16));
        assertRejected(base64(badKey), "sessionPrivateKey is not a hex number");

        ObjectNode zeroKey = json(sample());
        zeroKey.put("sessionPrivateKey", "0x0");
        assertRejected(base64(zeroKey), "out of range");

        ObjectNode noWallet = json(sample());
        noWallet.remove("walletAddress");
        assertRejected(base64(noWallet), "has no walletAddress");

        ObjectNode badAddress = json(sample());
        badAddress.put("walletAddress", "0xnot-an-address");
        assertRejected(base64(badAddress), "walletAddress");

        for (int cut = 1; cut <= 8; cut++) {
            assertRejected(good.substring(0, good.length() - cut * 9), "truncated|cut when copying");
        }
        assertRejected(Base64.getEncoder().encodeToString("hello, not json".getBytes(StandardCharsets.UTF_8)), "does not decode to JSON");
        assertRejected(Base64.getEncoder().encodeToString("[1,2,3]".getBytes(StandardCharsets.UTF_8)), "not a Cavos session token");
        byte[] garbage = new byte[300];
        new SecureRandom().nextBytes(garbage);
        assertRejected(Base64.getEncoder().encodeToString(garbage), "does not decode to JSON");
        assertRejected("%%%%¤¤¤ not base64 %%%%", "not valid Base64");
        assertRejected("   ", "is empty");
        assertRejected(null, "is empty");
    }

    @Test
    void malformedFieldsAreNamedWithTheNextStep() throws Exception {
        assertRejected(base64(withPolicy(p -> p.put("maxCallsPerTx", "five"))), "sessionPolicy.maxCallsPerTx is not a whole number");
        assertRejected(base64(withPolicy(p -> p.put("maxCallsPerTx", -1))), "sessionPolicy.maxCallsPerTx is not a whole number");
        assertRejected(base64(withPolicy(p -> p.put("maxCallsPerTx", 5.5))), "sessionPolicy.maxCallsPerTx");
        assertRejected(base64(withPolicy(p -> p.put("maxCallsPerTx", "4294967296"))), "sessionPolicy.maxCallsPerTx");
        assertRejected(base64(withPolicy(p -> p.put("allowedContracts", Token.STRK.address().toHex()))),
                "sessionPolicy.allowedContracts is not a JSON array");
        assertRejected(base64(withPolicy(p -> p.putArray("allowedContracts").add("0xZZ"))), "sessionPolicy.allowedContracts");
        assertRejected(base64(withPolicy(p -> p.putArray("allowedContracts").add("0x1\u200B"))), "sessionPolicy.allowedContracts");
        assertRejected(base64(withPolicy(p -> p.putArray("allowedContracts").addObject())), "sessionPolicy.allowedContracts");
        assertRejected(base64(withPolicy(p -> p.putArray("spendingLimits").add("0x1"))), "sessionPolicy.spendingLimits has an entry");
        assertRejected(base64(withPolicy(p -> p.putArray("spendingLimits").addObject().put("token", "0x1").put("limit", "-5"))),
                "sessionPolicy.spendingLimits.limit for 0x1 is not a whole number");
        assertRejected(base64(withPolicy(p -> p.putArray("spendingLimits").addObject().put("token", "0x1"))),
                "has no sessionPolicy.spendingLimits.limit");
        ObjectNode notAnObject = json(sample());
        notAnObject.put("sessionPolicy", "none");
        assertRejected(base64(notAnObject), "sessionPolicy is not a JSON object");
        ObjectNode numberName = json(sample());
        numberName.put("walletName", 7);
        assertRejected(base64(numberName), "walletName is not a string");
        String json = new String(Base64.getDecoder().decode(sample().encode()), StandardCharsets.ISO_8859_1);
        assertRejected(Base64.getEncoder().encodeToString((json + "{}").getBytes(StandardCharsets.ISO_8859_1)), "does not decode to JSON");
    }

    @Test
    void validityTimesAreDates() throws Exception {
        ObjectNode lastDate = json(sample());
        ((ObjectNode) lastDate.get("nonceParams")).put("validAfter", Long.toString(java.time.Instant.MAX.getEpochSecond()));
        long shown = java.time.Instant.ofEpochSecond(SessionToken.decode(base64(lastDate)).validAfter()).getEpochSecond();
        assertEquals(java.time.Instant.MAX.getEpochSecond(), shown, "the last date is still a date");
        ObjectNode pastIt = json(sample());
        ((ObjectNode) pastIt.get("nonceParams")).put("validAfter", Long.toString(java.time.Instant.MAX.getEpochSecond() + 1));
        assertRejected(base64(pastIt), "validAfter is not a unix time");
        ObjectNode deadline = json(sample());
        ((ObjectNode) deadline.get("nonceParams")).put("renewalDeadline", "288230376151711743");
        assertRejected(base64(deadline), "renewalDeadline is not a unix time");
    }

    @Test
    void policyNumbersAreReadAsTheSdksBigIntReadsThem() throws Exception {
        String strk = Token.STRK.address().toHex();
        ObjectNode spaced = withPolicy(p -> {
            p.putArray("allowedContracts").add(strk + " ").add("\t" + Token.ETH.address().toHex());
            p.putArray("spendingLimits").addObject().put("token", " " + strk).put("limit", " 100 ");
            p.put("maxCallsPerTx", " 7");
        });
        SessionPolicy policy = SessionToken.decode(base64(spaced)).policy().orElseThrow();
        assertEquals(List.of(Token.STRK.address(), Token.ETH.address()), policy.allowedContracts());
        assertEquals(List.of(new SpendingLimit(Token.STRK.address(), U256.parse("100"))), policy.spendingLimits());
        assertEquals(7, policy.maxCallsPerTx());
    }

    @Test
    void anAbsentWalletNameStaysAbsent() throws Exception {
        ObjectNode unnamed = json(sample());
        unnamed.remove("walletName");
        SessionToken token = SessionToken.decode(base64(unnamed));
        assertEquals(Optional.empty(), token.walletName());
        assertFalse(json(token).has("walletName"), "re-export adds no name");
    }

    private static ObjectNode withPolicy(java.util.function.Consumer<ObjectNode> change) throws Exception {
        ObjectNode json = json(sample());
        change.accept((ObjectNode) json.get("sessionPolicy"));
        return json;
    }

    private static void assertRejected(String pasted, String expected) {
        var error = assertThrows(InvalidTokenException.class, () -> SessionToken.decode(pasted));
        assertTrue(java.util.Arrays.stream(expected.split("\\|")).anyMatch(error.getMessage()::contains), error.getMessage());
        assertTrue(error.getMessage().contains("dashboard"), "says what to do next: " + error.getMessage());
        assertFalse(containsKey(error.getMessage()), error.getMessage());
    }

    static boolean containsKey(String text) {
        String lower = text.toLowerCase();
        return lower.contains(KEY.value().toString(16)) || lower.contains(KEY.toPaddedHex().substring(2))
                || text.contains(KEY.toDecimalString()) || lower.contains(KEY.value().flipBit(3).toString(16));
    }

    private static ObjectNode json(SessionToken token) throws Exception {
        return (ObjectNode) JSON.readTree(Base64.getDecoder().decode(token.encode()));
    }

    private static String base64(ObjectNode json) throws Exception {
        return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(json));
    }
}
