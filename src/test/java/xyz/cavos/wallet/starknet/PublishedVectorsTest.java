package xyz.cavos.wallet.starknet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known answers published by starknet.js, starknet-jvm and cairo-lang (Pedersen: values cairo-lang computes). */
class PublishedVectorsTest {

    private static final JsonNode VECTORS = TestResources.json("vectors/invoke-v3-hash.json");

    @Test
    void poseidonMatchesCairoVectors() {
        assertEquals(Felt.parse("0x2f0d8840bcf3bc629598d8a6cc80cb7c0d9e52d93dab244bbf9cd0dca0ad082"),
                Poseidon.hashMany(Felt.of(1), Felt.of(2), Felt.of(3)));
        assertEquals(Felt.parse("0x5d44a3decb2b2e0cc71071f7b802f45dd792d064f0fc7316c46514f70f9891a"),
                Poseidon.hash(Felt.of(1), Felt.of(2)));
    }

    @Test
    void pedersenMatchesCairoLangValues() {
        Felt top = Felt.of(Felt.PRIME.subtract(BigInteger.ONE));
        assertEquals(Felt.parse("0x49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804"),
                Pedersen.hash(Felt.ZERO, Felt.ZERO), "with both inputs zero the hash is the shift point's x");
        assertEquals(Felt.parse("0x5bb9440e27889a364bcb678b1f679ecd1347acdedcbf36e83494f857cc58026"),
                Pedersen.hash(Felt.of(1), Felt.of(2)));
        assertEquals(Felt.parse("0x268a9d47dde48af4b6e2c33932ed1c13adec25555abaa837c376af4ea2f8a94"),
                Pedersen.hash(Felt.of(1), Felt.ZERO));
        assertEquals(Felt.parse("0x46c9aeb066cc2f41c7124af30514f9e607137fbac950524f5fdace5788f9d43"),
                Pedersen.hash(Felt.ZERO, Felt.of(1)));
        assertEquals(Felt.parse("0x7258fccaf3371fad51b117471d9d888a1786c5694c3e6099160477b593a576e"),
                Pedersen.hash(top, top), "the top 4 bits of both inputs set");
    }

    @Test
    void selectorsMatchTheCavosProtocolTable() {
        assertEquals(Felt.parse("0x83afd3f4caedc6eebf44246fe54e38c95e3179a5ec9ea81740eca5b482d12e"), Selector.of("transfer"));
        assertEquals(Felt.parse("0x219209e083275171774dab1df80982e9df2096516f06319c5c6d71ae0a8480c"), Selector.of("approve"));
        assertEquals(Felt.parse("0x2e4263afad30923c891518314c3c95dbe830a16874e8abc5777a9a20b54c76e"), Selector.of("balanceOf"));
        assertEquals(Felt.parse("0x15d40a3d6ca2ac30f4031e42be28da9b056fef9bb7357ac5e85627ee876e5ad"), Selector.of("__execute__"));
        assertEquals(Felt.parse("0x1e5ce4dbafe8b42eb8e60c15fdd4527844b7b096965756014f94d573e54e043"), Selector.of("get_session"));
        assertEquals(Felt.parse("0x3b884c3fe0cee93e6453d50e9670be6fb54804e1bbbc159a845d9ab244a5ee6"), Selector.of("SessionRegistered"));
    }

    @Test
    void publicKeyOfTheVectorKey() {
        assertEquals(Felt.parse(VECTORS.get("public_key").asText()),
                StarkCurve.publicKey(Felt.parse(VECTORS.get("private_key").asText())));
    }

    @Test
    void executeCalldataMatchesTheVector() {
        JsonNode call = VECTORS.get("call");
        Call transfer = Call.of(Felt.parse(call.get("to").asText()), call.get("entrypoint").asText(), felts(call.get("calldata")));
        assertEquals(Felt.parse(call.get("selector").asText()), transfer.selector());
        assertEquals(felts(VECTORS.get("execute_calldata")), Call.executeCalldata(List.of(transfer)));
    }

    @Test
    void invokeV3HashesMatchAllCases() {
        JsonNode bounds = VECTORS.get("resource_bounds");
        ResourceBoundsMapping mapping = new ResourceBoundsMapping(
                bound(bounds.get("l1_gas")), bound(bounds.get("l2_gas")), bound(bounds.get("l1_data_gas")));
        Felt chainId = Felt.parse(VECTORS.get("chain_id").asText());
        int checked = 0;
        for (JsonNode c : VECTORS.get("cases")) {
            boolean query = Felt.parse(c.get("version").asText()).equals(InvokeV3.QUERY_VERSION);
            InvokeV3 tx = new InvokeV3(
                    Felt.parse(VECTORS.get("sender_address").asText()),
                    felts(VECTORS.get("execute_calldata")),
                    Felt.parse(VECTORS.get("nonce").asText()),
                    mapping,
                    Felt.parse(c.get("tip").asText()).value(),
                    List.of(), List.of(),
                    DataAvailabilityMode.L1, DataAvailabilityMode.L1,
                    query, List.of());
            assertEquals(Felt.parse(c.get("version").asText()), tx.version());
            Felt hash = tx.hash(chainId);
            assertEquals(Felt.parse(c.get("hash").asText()), hash, "case " + c);

            Felt key = Felt.parse(VECTORS.get("private_key").asText());
            StarkCurve.Signature signature = StarkCurve.sign(key, hash);
            Felt publicKey = Felt.parse(VECTORS.get("public_key").asText());
            assertTrue(StarkCurve.verify(publicKey, hash, signature));
            assertFalse(StarkCurve.verify(publicKey, Felt.of(hash.value().add(BigInteger.ONE)), signature));
            checked++;
        }
        assertEquals(3, checked);
    }

    private static ResourceBounds bound(JsonNode node) {
        return new ResourceBounds(Felt.parse(node.get("max_amount").asText()).value(),
                Felt.parse(node.get("max_price_per_unit").asText()).value());
    }

    static List<Felt> felts(JsonNode array) {
        List<Felt> out = new ArrayList<>();
        array.forEach(n -> out.add(Felt.parse(n.asText())));
        return out;
    }
}
