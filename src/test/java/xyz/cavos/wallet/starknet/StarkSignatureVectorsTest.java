package xyz.cavos.wallet.starknet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our signatures against starknet.js's ({@code vectors/stark-signatures.json}): with RFC 6979 nonces a signature is a
 * function of the key and the message, so a wallet that derives its nonces as Starknet's reference does signs exactly
 * what starknet.js signs. One that derives them differently still verifies, but may use one nonce for two messages.
 */
class StarkSignatureVectorsTest {

    private static final JsonNode CASES = TestResources.json("vectors/stark-signatures.json").get("cases");

    @Test
    void everySignatureIsTheOneStarknetJsMakes() {
        List<String> differing = new ArrayList<>();
        for (JsonNode c : CASES) {
            Felt key = Felt.parse(c.get("private_key").asText());
            Felt hash = Felt.parse(c.get("message_hash").asText());
            StarkCurve.Signature ours = StarkCurve.sign(key, hash);
            StarkCurve.Signature theirs = new StarkCurve.Signature(Felt.parse(c.get("r").asText()), Felt.parse(c.get("s").asText()));
            assertTrue(StarkCurve.verify(StarkCurve.publicKey(key), hash, theirs), "starknet.js's signature verifies here");
            if (!ours.equals(theirs)) {
                differing.add(hash.toHex() + " with key " + key.toHex().substring(0, 6) + "…");
            }
        }
        assertEquals(List.of(), differing, "messages whose signature is not starknet.js's");
        assertEquals(64, CASES.size());
    }

    @Test
    void messagesThatDifferOnlyInTheirLastBitsGetDifferentNonces() {
        Felt key = Felt.parse("0x1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcde");
        Felt one = Felt.parse("0x93e8108ab028766851f6a2ffeda528f64b6a1a261454675d844a9ba97169b4");
        Felt next = Felt.parse("0x93e8108ab028766851f6a2ffeda528f64b6a1a261454675d844a9ba97169b5");
        assertNotEquals(StarkCurve.sign(key, one).r(), StarkCurve.sign(key, next).r(), "one nonce for two messages gives the key away");
    }
}
