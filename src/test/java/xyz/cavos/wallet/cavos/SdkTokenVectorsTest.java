package xyz.cavos.wallet.cavos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.TestResources;

/**
 * The tokens of {@code vectors/cavos-session.json}, made the way the Cavos SDK's {@code exportSession()} makes
 * them, pasted in every way people paste them: each decodes to the fields of its {@code decoded} JSON and
 * encodes back to the very same text.
 */
class SdkTokenVectorsTest {

    private static final JsonNode TOKENS = TestResources.json("vectors/cavos-session.json").get("tokens");

    /** How a token arrives from a chat, a document, a shell script or a terminal. */
    private static final Map<String, UnaryOperator<String>> WRAPPINGS = wrappings();

    private static Map<String, UnaryOperator<String>> wrappings() {
        Map<String, UnaryOperator<String>> w = new LinkedHashMap<>();
        w.put("as exported", t -> t);
        w.put("blanks around", t -> " \t " + t + "  \n");
        w.put("straight double quotes", t -> "\"" + t + "\"");
        w.put("straight single quotes", t -> "'" + t + "'");
        w.put("curly double quotes", t -> "\u201C" + t + "\u201D");
        w.put("curly single quotes", t -> "\u2018" + t + "\u2019");
        w.put("zero-width spaces around", t -> "\u200B" + t + "\u200B");
        w.put("byte-order mark first", t -> "\uFEFF" + t);
        w.put("zero-width space and BOM inside blanks", t -> " \u200B\t" + t + " \uFEFF\r\n");
        w.put("CRLF line breaks", t -> t.replaceAll("(.{76})", "$1\r\n") + "\r\n");
        w.put("export with double quotes", t -> "export CAVOS_TOKEN=\"" + t + "\"");
        w.put("export with single quotes", t -> "export CAVOS_TOKEN='" + t + "'");
        w.put("assignment with double quotes", t -> "CAVOS_TOKEN=\"" + t + "\"");
        w.put("assignment with single quotes", t -> "CAVOS_TOKEN='" + t + "'\n");
        w.put("all at once", t -> "\uFEFF  export CAVOS_TOKEN=\u201C\u200B" + t.replaceAll("(.{64})", "$1\r\n") + "\u201D \u200B\r\n");
        return w;
    }

    static Stream<Arguments> pastedTokens() {
        List<Arguments> cases = new ArrayList<>();
        TOKENS.properties().forEach(vector -> WRAPPINGS.forEach((how, wrap) ->
                cases.add(Arguments.of(vector.getKey(), how, wrap.apply(vector.getValue().get("token").asText())))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("pastedTokens")
    void importsWithTheExportedFieldsAndReExportsTheSameText(String name, String how, String pasted) {
        JsonNode vector = TOKENS.get(name);
        SessionToken token = SessionToken.decode(pasted);

        assertFields(vector.get("decoded"), token);
        JsonNode expected = vector.get("expected");
        assertEquals(number(expected.get("allowed_contracts_root").asText()), token.effectivePolicy().allowedContractsRoot().value());
        if (!expected.get("max_calls_per_tx").isNull()) {
            assertEquals(expected.get("max_calls_per_tx").asInt(), token.effectivePolicy().maxCallsPerTx());
        }
        assertEquals(vector.get("token").asText(), token.encode(), "re-export gives exactly what the SDK exported");
        assertEquals(token.encode(), SessionToken.decode(token.encode()).encode());
        String shown = token.toString();
        String privateKey = vector.at("/decoded/sessionPrivateKey").asText().substring(2);
        assertFalse(shown.contains("eyJ") || shown.contains("sessionPrivateKey"), shown);
        assertFalse(privateKey.length() > 8 && shown.contains(privateKey), shown); // the short test keys are in any hex
    }

    private static void assertFields(JsonNode decoded, SessionToken token) {
        assertEquals(number(decoded.get("sessionPubKey").asText()), token.sessionPublicKey().value());
        JsonNode params = decoded.get("nonceParams");
        assertEquals(number(params.get("sessionPubKey").asText()), token.sessionPublicKey().value());
        assertEquals(Long.parseLong(params.get("validAfter").asText()), token.validAfter());
        assertEquals(Long.parseLong(params.get("validUntil").asText()), token.validUntil());
        assertEquals(Long.parseLong(params.get("renewalDeadline").asText()), token.renewalDeadlineHint());
        assertEquals(number(params.get("randomness").asText()), token.randomness().value());
        assertEquals(number(decoded.get("nonce").asText()), token.nonce().value());
        assertEquals(number(decoded.get("walletAddress").asText()), token.walletAddress().value());
        String seed = decoded.get("addressSeed").asText();
        assertEquals(seed.isEmpty() ? Optional.empty() : Optional.of(number(seed)), token.addressSeed().map(Felt::value));
        assertEquals(number(decoded.get("appSalt").asText()), token.appSalt().value());
        assertEquals(Optional.ofNullable(decoded.get("walletName")).map(JsonNode::asText), token.walletName());

        JsonNode policy = decoded.get("sessionPolicy");
        assertEquals(policy == null, token.policy().isEmpty());
        if (policy != null) {
            SessionPolicy read = token.policy().orElseThrow();
            List<BigInteger> allowed = new ArrayList<>();
            policy.get("allowedContracts").forEach(c -> allowed.add(number(c.asText())));
            assertEquals(allowed, read.allowedContracts().stream().map(Felt::value).toList());
            List<List<BigInteger>> limits = new ArrayList<>();
            policy.get("spendingLimits").forEach(l -> limits.add(List.of(number(l.get("token").asText()), number(l.get("limit").asText()))));
            assertEquals(limits, read.spendingLimits().stream().map(l -> List.of(l.token().value(), l.limit().value())).toList());
            assertEquals(Integer.parseInt(policy.get("maxCallsPerTx").asText()), read.maxCallsPerTx());
        }
    }

    /** A number as JavaScript's BigInt() reads it: surrounding blanks ignored, 0x for hex. */
    private static BigInteger number(String text) {
        String digits = text.strip();
        return digits.startsWith("0x") ? new BigInteger(digits.substring(2), 16) : new BigInteger(digits);
    }
}
