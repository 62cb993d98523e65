package xyz.cavos.wallet.starknet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypedDataTest {

    private static final Felt ACCOUNT = Felt.parse("0x4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f");

    @Test
    void outsideExecutionTypeHashesMatchSnip9Constants() {
        TypedData data = TypedData.of(TestResources.json("typed-data/outside-execution.json"));
        assertEquals(Felt.parse("0x312b56c05a7965066ddbda31c016d8d05afc305071c0ca3cdc2192c3c2f1f0f"), data.typeHash("OutsideExecution"));
        assertEquals(Felt.parse("0x3635c7f2a7ba93844c0d064e18e487f35ab90f7c39d00f186a781fc3f0c2ca9"), data.typeHash("Call"));
        assertEquals(Felt.parse("0x1ff2f602e42168014d405a94f75e8a93d640751d71d16311266e140d8b0a210"), data.typeHash("StarknetDomain"));
    }

    /** The Cavos account's own formula (protocol reference §3.2), written out with Poseidon by hand. */
    @Test
    void outsideExecutionHashFollowsTheAccountFormula() {
        JsonNode json = TestResources.json("typed-data/outside-execution.json");
        JsonNode message = json.get("message");
        List<Felt> callHashes = new ArrayList<>();
        for (JsonNode call : message.get("Calls")) {
            String selector = call.get("Selector").asText();
            callHashes.add(Poseidon.hashMany(
                    Felt.parse("0x3635c7f2a7ba93844c0d064e18e487f35ab90f7c39d00f186a781fc3f0c2ca9"),
                    Felt.parse(call.get("To").asText()),
                    selector.startsWith("0x") ? Felt.parse(selector) : Selector.of(selector),
                    Poseidon.hashMany(PublishedVectorsTest.felts(call.get("Calldata")))));
        }
        Felt struct = Poseidon.hashMany(
                Felt.parse("0x312b56c05a7965066ddbda31c016d8d05afc305071c0ca3cdc2192c3c2f1f0f"),
                Felt.parse(message.get("Caller").asText()),
                Felt.parse(message.get("Nonce").asText()),
                Felt.parse(message.get("Execute After").asText()),
                Felt.parse(message.get("Execute Before").asText()),
                Poseidon.hashMany(callHashes));
        Felt domain = Poseidon.hashMany(
                Felt.parse("0x1ff2f602e42168014d405a94f75e8a93d640751d71d16311266e140d8b0a210"),
                Felt.fromShortString("Account.execute_from_outside"), Felt.of(2), Felt.fromShortString("SN_MAIN"), Felt.ONE);
        Felt expected = Poseidon.hashMany(Felt.fromShortString("StarkNet Message"), domain, ACCOUNT, struct);

        assertEquals(expected, TypedData.of(json).messageHash(ACCOUNT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"typed-data/outside-execution.json", "typed-data/every-type.json"})
    void messageHashesAgreeWithStarknetJvm(String resource) {
        String text = TestResources.json(resource).toString();
        Felt theirs = Felt.of(com.swmansion.starknet.data.TypedData.fromJsonString(text)
                .getMessageHash(new com.swmansion.starknet.data.types.Felt(ACCOUNT.value())).getValue());
        assertEquals(theirs, TypedData.parse(text).messageHash(ACCOUNT));
    }

    @Test
    void encodeTypeListsDependenciesSortedAfterThePrimaryType() {
        TypedData data = TypedData.of(TestResources.json("typed-data/every-type.json"));
        String encoded = data.encodeType("Example");
        assertTrue(encoded.startsWith("\"Example\"(\"Kind\":\"Kind\",\"Memo\":\"string\""), encoded);
        assertTrue(encoded.contains(")\"Kind\"(\"Swap\":(\"felt\",\"u128\"),\"Pay\":(\"ContractAddress\",\"felt*\"),\"Stake\":())"), encoded);
        assertTrue(encoded.indexOf("\"Kind\"(") < encoded.indexOf("\"NftId\"(")
                && encoded.indexOf("\"NftId\"(") < encoded.indexOf("\"Person\"(")
                && encoded.indexOf("\"Person\"(") < encoded.indexOf("\"TokenAmount\"(")
                && encoded.indexOf("\"TokenAmount\"(") < encoded.indexOf("\"u256\"("), encoded);
    }

    @Test
    void rejectsRevisionZeroAndBrokenMessages() {
        var legacy = assertThrows(InvalidValueException.class, () -> TypedData.parse("""
                {"types":{"StarkNetDomain":[]},"primaryType":"StarkNetDomain","domain":{},"message":{}}"""));
        assertTrue(legacy.getMessage().contains("revision 1"), legacy.getMessage());
        var missing = assertThrows(InvalidValueException.class, () -> {
            String text = TestResources.json("typed-data/outside-execution.json").toString().replace("\"Nonce\":", "\"Nonsense\":");
            TypedData.parse(text).messageHash(ACCOUNT);
        });
        assertTrue(missing.getMessage().contains("'Nonce'"), missing.getMessage());
        assertThrows(InvalidValueException.class, () -> TypedData.parse("{not json"));
    }
}
