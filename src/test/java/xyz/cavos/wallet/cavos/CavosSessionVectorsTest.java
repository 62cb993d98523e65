package xyz.cavos.wallet.cavos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.StarkCurve;
import xyz.cavos.wallet.starknet.TestResources;
import xyz.cavos.wallet.starknet.U256;

/**
 * The Cavos protocol classes against {@code vectors/cavos-session.json}, computed with starknet.js from the
 * SDK's and the account's algorithms: allow-list roots and proofs, session nonces, the renewal message and
 * the dashboard's exported tokens.
 */
class CavosSessionVectorsTest {

    private static final JsonNode VECTORS = TestResources.json("vectors/cavos-session.json");

    @Test
    void allowListRootsAndProofsMatch() {
        int proofs = 0;
        for (JsonNode c : VECTORS.get("merkle")) {
            List<Felt> contracts = felts(c.get("contracts"));
            AllowList allowList = AllowList.of(contracts);
            Felt root = felt(c.get("root"));
            assertEquals(root, allowList.root(), contracts.size() + " contracts");
            for (JsonNode p : c.get("proofs")) {
                Felt contract = felt(p.get("contract"));
                List<Felt> proof = felts(p.get("proof"));
                assertEquals(proof, allowList.proof(contract), "proof of " + p.get("contract").asText() + " among " + contracts.size());
                assertTrue(AllowList.verify(root, contract, proof), "the account accepts the vector's proof");
                proofs++;
            }
            JsonNode notListed = c.get("not_listed");
            Felt outsider = felt(notListed.get("contract"));
            assertFalse(AllowList.verify(root, outsider, felts(notListed.get("proof"))), "an unlisted contract is refused");
            assertEquals(List.of(), allowList.proof(outsider));
        }
        assertEquals(23, proofs);
    }

    @Test
    void everyTokensNonceIsPoseidonOfKeyValidUntilAndRandomness() {
        for (Map.Entry<String, JsonNode> entry : tokens()) {
            JsonNode decoded = entry.getValue().get("decoded");
            JsonNode params = decoded.get("nonceParams");
            Felt nonce = SessionToken.computeNonce(felt(params.get("sessionPubKey")),
                    Long.parseLong(params.get("validUntil").asText()), felt(params.get("randomness")));
            assertEquals(felt(decoded.get("nonce")), nonce, entry.getKey());
            assertEquals(felt(entry.getValue().get("expected").get("nonce")), nonce, entry.getKey());
        }
    }

    @Test
    void everyTokensPublicKeyDerivesFromItsPrivateKey() {
        for (Map.Entry<String, JsonNode> entry : tokens()) {
            JsonNode decoded = entry.getValue().get("decoded");
            Felt publicKey = StarkCurve.publicKey(felt(decoded.get("sessionPrivateKey")));
            assertEquals(felt(decoded.get("sessionPubKey")), publicKey, entry.getKey());
            assertEquals(felt(entry.getValue().get("expected").get("session_public_key")), publicKey, entry.getKey());
        }
    }

    @Test
    void renewalMessageMatches() {
        JsonNode r = VECTORS.get("renewal");
        Felt message = CavosAccount.renewalMessage(felt(r.get("new_session_key")), felt(r.get("new_nonce")),
                r.get("new_valid_after").asLong(), r.get("new_valid_until").asLong(), r.get("new_renewal_deadline").asLong(),
                felt(r.get("new_allowed_contracts_root")), r.get("new_max_calls_per_tx").asLong());
        assertEquals(felt(r.get("message")), message);
    }

    @Test
    void sessionSignatureStartsWithTheSessionV1Tag() {
        String layout = VECTORS.get("session_v1_signature_layout").asText();
        assertEquals(Felt.parse(layout.substring(1, layout.indexOf(' '))), SessionSignature.MAGIC);
    }

    @Test
    void decodesTheSdkDefaultToken() {
        checkToken("sdk_default");
    }

    @Test
    void decodesATokenWithoutPolicyOrWalletName() {
        checkToken("no_policy_no_wallet_name");
    }

    @Test
    void decodesATokenWithALatin1WalletName() {
        checkToken("latin1_wallet_name");
    }

    @Test
    void decodesATokenWithATrailingSpaceInAnAddress() {
        checkToken("address_with_trailing_space");
    }

    @Test
    void decodesATokenWithMaxCallsAsAString() {
        checkToken("max_calls_as_string");
    }

    /** The token decodes to its {@code decoded} JSON and to the account values in {@code expected}. */
    private static void checkToken(String name) {
        JsonNode vector = VECTORS.get("tokens").get(name);
        JsonNode decoded = vector.get("decoded");
        JsonNode expected = vector.get("expected");
        JsonNode params = decoded.get("nonceParams");

        SessionToken token = SessionToken.decode(vector.get("token").asText());

        assertEquals(StarkCurve.publicKey(felt(decoded.get("sessionPrivateKey"))), token.sessionPublicKey(), "public key");
        assertEquals(felt(expected.get("session_public_key")), token.sessionPublicKey(), "public key");
        assertEquals(felt(expected.get("nonce")), token.nonce(), "nonce");
        assertEquals(Long.parseLong(params.get("validAfter").asText()), token.validAfter(), "validAfter");
        assertEquals(Long.parseLong(params.get("validUntil").asText()), token.validUntil(), "validUntil");
        assertEquals(Long.parseLong(params.get("renewalDeadline").asText()), token.renewalDeadlineHint(), "renewalDeadline");
        assertEquals(felt(params.get("randomness")), token.randomness(), "randomness");
        assertEquals(felt(decoded.get("walletAddress")), token.walletAddress(), "walletAddress");
        assertEquals(Optional.empty(), token.addressSeed(), "an empty addressSeed is absent");
        assertEquals(felt(decoded.get("appSalt")), token.appSalt(), "appSalt");
        assertEquals(Optional.ofNullable(decoded.get("walletName")).map(JsonNode::asText), token.walletName(), "walletName");

        JsonNode policy = decoded.get("sessionPolicy");
        if (policy == null) {
            assertEquals(Optional.empty(), token.policy(), "no sessionPolicy");
            assertTrue(expected.get("max_calls_per_tx").isNull());
        } else {
            SessionPolicy read = token.policy().orElseThrow();
            assertEquals(felts(policy.get("allowedContracts")), read.allowedContracts(), "allowedContracts");
            List<SpendingLimit> limits = new ArrayList<>();
            for (JsonNode limit : policy.get("spendingLimits")) {
                limits.add(new SpendingLimit(felt(limit.get("token")), U256.parse(limit.get("limit").asText())));
            }
            assertEquals(limits, read.spendingLimits(), "spendingLimits");
            assertEquals(Integer.parseInt(policy.get("maxCallsPerTx").asText()), read.maxCallsPerTx(), "maxCallsPerTx");
            assertEquals(expected.get("max_calls_per_tx").asInt(), read.maxCallsPerTx(), "max_calls_per_tx");
        }
        assertEquals(felt(expected.get("allowed_contracts_root")), token.effectivePolicy().allowedContractsRoot(), "root");
    }

    private static Iterable<Map.Entry<String, JsonNode>> tokens() {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        VECTORS.get("tokens").properties().forEach(out::add);
        assertEquals(5, out.size());
        return out;
    }

    /** A felt as the SDK reads it: {@code BigInt()} ignores surrounding whitespace. */
    private static Felt felt(JsonNode node) {
        return Felt.parse(node.asText().strip());
    }

    private static List<Felt> felts(JsonNode array) {
        List<Felt> out = new ArrayList<>();
        array.forEach(n -> out.add(felt(n)));
        return out;
    }
}
