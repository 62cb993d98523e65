package xyz.cavos.wallet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema checks the RPC tests rely on do reject what the spec forbids. */
class OpenRpcSpecTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenRpcSpec spec = OpenRpcSpec.get();

    @Test
    void acceptsCanonicalParams() {
        assertEquals(List.of(), spec.validateParams("starknet_getNonce",
                json("{\"block_id\":\"latest\",\"contract_address\":\"0x4718f5a0fc34cc1af16a1cdee98ffb20c31f5cd61d6ab07201858f4287c938d\"}")));
    }

    @Test
    void rejectsPaddedFeltsUnknownTagsAndMissingParams() {
        assertTrue(!spec.validateParams("starknet_getNonce",
                json("{\"block_id\":\"latest\",\"contract_address\":\"0x04718f5a0fc34cc1af16a1cdee98ffb20c31f5cd61d6ab07201858f4287c938d\"}")).isEmpty(),
                "a felt with a leading zero is not canonical");
        assertTrue(!spec.validateParams("starknet_getNonce", json("{\"block_id\":\"newest\",\"contract_address\":\"0x1\"}")).isEmpty());
        assertTrue(spec.validateParams("starknet_getNonce", json("{\"block_id\":\"latest\"}")).getFirst().contains("missing required param"));
        assertTrue(spec.validateParams("starknet_getNonce", json("{\"block_id\":\"latest\",\"contract_address\":\"0x1\",\"x\":1}"))
                .getFirst().contains("unknown param"));
    }

    @Test
    void rejectsWrongResultsAndUndeclaredErrors() {
        assertTrue(!spec.validateResult("starknet_blockNumber", json("\"0x5\"")).isEmpty());
        assertTrue(!spec.validateResult("starknet_estimateFee", json("[{\"overall_fee\":\"0x1\"}]")).isEmpty());
        assertTrue(spec.validateError("starknet_blockNumber", json("{\"code\":41,\"message\":\"x\"}")).getFirst()
                .contains("not one the method declares"));
        assertTrue(!spec.validateError("starknet_estimateFee", json("{\"code\":41,\"message\":\"x\",\"data\":{\"transaction_index\":-1}}")).isEmpty());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
