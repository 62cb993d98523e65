package xyz.cavos.wallet.cavos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvalidValueException;
import xyz.cavos.wallet.starknet.StarkCurve;
import xyz.cavos.wallet.starknet.TestResources;
import xyz.cavos.wallet.starknet.TypedData;

/**
 * SNIP-9 v2 outside executions against {@code vectors/outside-execution.json} (starknet.js): the message hash as the
 * Cavos account computes it and as the generic SNIP-12 hashing computes it from the typed data, the session key's
 * signature over it, and the typed data this wallet writes.
 */
class OutsideExecutionVectorsTest {

    private static final JsonNode CASES = TestResources.json("vectors/outside-execution.json").get("cases");

    @Test
    void theAccountsHashOfEachCaseIsStarknetJs() {
        assertEquals(3, CASES.size());
        for (JsonNode c : CASES) {
            JsonNode typed = c.get("typed_data");
            OutsideExecution execution = OutsideExecution.fromMessage(typed.get("message"));
            Felt chain = Felt.parse(typed.at("/domain/chainId").asText());
            Felt expected = Felt.parse(c.get("message_hash").asText());
            assertEquals(expected, execution.messageHash(Felt.parse(c.get("account").asText()), chain), c.get("name").asText());
            assertEquals(expected, TypedData.of(typed).messageHash(Felt.parse(c.get("account").asText())),
                    "the generic SNIP-12 hashing agrees: " + c.get("name").asText());
        }
    }

    @Test
    void theVectorsSignatureVerifiesAndOursDoesToo() {
        for (JsonNode c : CASES) {
            Felt hash = Felt.parse(c.get("message_hash").asText());
            Felt privateKey = Felt.parse(c.get("session_private_key").asText());
            Felt publicKey = Felt.parse(c.get("session_public_key").asText());
            assertEquals(publicKey, StarkCurve.publicKey(privateKey));
            StarkCurve.Signature theirs = new StarkCurve.Signature(Felt.parse(c.get("r").asText()), Felt.parse(c.get("s").asText()));
            assertTrue(StarkCurve.verify(publicKey, hash, theirs), c.get("name").asText());
            assertTrue(StarkCurve.verify(publicKey, hash, StarkCurve.sign(privateKey, hash)));
            assertFalse(StarkCurve.verify(publicKey, Felt.of(hash.value().add(java.math.BigInteger.ONE)), theirs), "another message does not verify");
        }
    }

    @Test
    void theTypedDataWeWriteHashesTheSameAndReadsBack() {
        for (JsonNode c : CASES) {
            JsonNode typed = c.get("typed_data");
            OutsideExecution execution = OutsideExecution.fromMessage(typed.get("message"));
            Felt chain = Felt.parse(typed.at("/domain/chainId").asText());
            ObjectNode ours = execution.typedData(chain);
            assertEquals(typed.get("types"), ours.get("types"), "SNIP-29's version 2 types");
            assertEquals(typed.get("domain"), ours.get("domain"));
            assertEquals(Felt.parse(c.get("message_hash").asText()), TypedData.of(ours).messageHash(Felt.parse(c.get("account").asText())));
            assertEquals(execution, OutsideExecution.fromMessage(ours.get("message")));
        }
    }

    @Test
    void theCalldataIsTheStructThenTheSignature() {
        OutsideExecution execution = new OutsideExecution(OutsideExecution.ANY_CALLER, Felt.of(7), 10, 20,
                List.of(new Call(Felt.of(0xaa), Felt.of(0xbb), List.of(Felt.of(1), Felt.of(2)))));
        assertEquals(List.of(OutsideExecution.ANY_CALLER, Felt.of(7), Felt.of(10), Felt.of(20), Felt.ONE, Felt.of(0xaa), Felt.of(0xbb),
                Felt.of(2), Felt.of(1), Felt.of(2), Felt.of(2), Felt.of(0x51), Felt.of(0x52)), execution.calldata(List.of(Felt.of(0x51), Felt.of(0x52))));
    }

    @Test
    void aMessageThatIsNotAnExecutionIsRefusedByName() {
        JsonNode message = CASES.get(0).at("/typed_data/message");
        ObjectNode noNonce = message.deepCopy();
        noNonce.remove("Nonce");
        assertEquals("The outside execution's Nonce is missing or not a number",
                assertThrows(InvalidValueException.class, () -> OutsideExecution.fromMessage(noNonce)).getMessage());
        ObjectNode farFuture = message.deepCopy();
        farFuture.put("Execute Before", "0x" + "f".repeat(40));
        assertThrows(InvalidValueException.class, () -> OutsideExecution.fromMessage(farFuture));
        ObjectNode objectCall = message.deepCopy();
        objectCall.putObject("Calls");
        assertThrows(InvalidValueException.class, () -> OutsideExecution.fromMessage(objectCall));
    }
}
