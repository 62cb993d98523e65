package xyz.cavos.wallet.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.OnChainSession;
import xyz.cavos.wallet.cavos.RevertReason;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.StorageLayout;
import xyz.cavos.wallet.cavos.StoredSession;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.RpcException;
import xyz.cavos.wallet.starknet.RpcRequest;
import xyz.cavos.wallet.starknet.StarkCurve;
import xyz.cavos.wallet.starknet.TransactionReceipt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.testing.SpecCheckingProxy;

/**
 * The Cavos account's state read the way the wallet reads it on a real network: raw storage slots with
 * {@code starknet_getStorageAt}, through a proxy that checks every reply against the OpenRPC schemas, compared
 * with the addresses and packing of {@link StorageLayout} and {@link StoredSession} and with the account's
 * views; and sessions registered with an on-chain policy other than their token's.
 */
class SandboxStorageIT {

    private static final Felt RECIPIENT = Felt.parse("0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SandboxNode node = SandboxNode.start();
    private final SpecCheckingProxy proxy = new SpecCheckingProxy(node.rpcUri());
    private final RpcClient rpc = RpcClient.of(proxy.uri());
    private final StorageReader storage = new StorageReader(rpc);
    private final SandboxDashboard.DemoWallet wallet = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
    private final SessionSender sender = new SessionSender(rpc, wallet.token());
    private final Felt key = wallet.token().sessionPublicKey();
    private final long start = node.chainTime();

    @AfterEach
    void repliesFollowedTheSpec() {
        try {
            assertEquals(List.of(), proxy.specProblems());
            assertTrue(proxy.methodsChecked().contains("starknet_getStorageAt"));
        } finally {
            proxy.close();
            node.close();
        }
    }

    @Test
    void aRegisteredSessionReadsSlotBySlotAsTheLayoutAndGetSessionSay() {
        SessionToken token = wallet.token();
        SessionPolicy policy = token.policy().orElseThrow();
        OnChainSession view = session(token);
        StoredSession expected = new StoredSession(token.nonce(), policy.allowedContractsRoot(), token.validAfter(), token.validUntil(),
                view.registeredAt(), token.validUntil() + CavosAccount.RENEWAL_GRACE_SECONDS, 5, 0);
        assertEquals(expected.slots(), storage.slots(wallet.address(), StorageLayout.session(key).all()));
        assertEquals(view, storage.session(wallet.address(), key).view(), "the slots say what get_session says");

        assertEquals(3, storage.policyCount(wallet.address(), key));
        for (int i = 0; i < 3; i++) {
            assertEquals(policySlots(policy.spendingLimits().get(i)),
                    storage.slots(wallet.address(), StorageLayout.spendingPolicy(key, i).all()), "policy " + i);
        }
        assertEquals(List.of(Felt.ZERO, Felt.ZERO, Felt.ZERO), storage.slots(wallet.address(), StorageLayout.spendingPolicy(key, 3).all()));
        assertEquals(Felt.ZERO, storage.at(wallet.address(), StorageLayout.revocationEpoch()));
        assertEquals(CavosAccount.CLASS_HASH, rpc.getClassHashAt(wallet.address(), BlockId.LATEST));

        // Any block id is answered from the latest state; the slot was last written by the registration.
        JsonNode atGenesis = storage.send(wallet.address(), StorageLayout.session(key).nonce(),
                NODES.objectNode().put("block_number", 0), true);
        assertEquals(token.nonce(), Felt.parse(atGenesis.get("value").asText()));
        assertEquals(view.registeredAt(), atGenesis.get("last_update_block").asLong());
    }

    @Test
    void aTransferIsCountedInTheAmountSpentSlots() {
        assertTrue(sender.sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "1.5")).isSucceeded());
        assertEquals(Felt.of(U256.parseAmount("1.5", 18).value()),
                storage.at(wallet.address(), StorageLayout.amountSpentLow(key, Token.STRK.address())));
        assertEquals(Felt.ZERO, storage.at(wallet.address(), StorageLayout.amountSpentHigh(key, Token.STRK.address())));
        assertEquals(Felt.ZERO, storage.at(wallet.address(), StorageLayout.amountSpentLow(key, Token.ETH.address())));
        assertEquals(U256.parseAmount("1.5", 18), sender.spent(Token.STRK), "get_session_spending reads the same slots");
    }

    @Test
    void revokeSessionZeroesTheFourSessionSlotsAndNothingElse() {
        assertTrue(sender.sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "1")).isSucceeded());
        assertTrue(sender.sendForReceipt(CavosAccount.revokeSession(wallet.address(), key)).isSucceeded());
        assertEquals(Collections.nCopies(4, Felt.ZERO), storage.slots(wallet.address(), StorageLayout.session(key).all()));
        assertFalse(session(wallet.token()).isRegistered());
        // As in the contract: the policies and the amount spent stay behind, unused while the key is not registered.
        assertEquals(3, storage.policyCount(wallet.address(), key));
        assertEquals(Felt.of(U256.parseAmount("1", 18).value()),
                storage.at(wallet.address(), StorageLayout.amountSpentLow(key, Token.STRK.address())));
    }

    @Test
    void emergencyRevokeMovesTheGlobalEpochPastTheSessionsEpoch() {
        assertTrue(sender.sendForReceipt(CavosAccount.emergencyRevoke(wallet.address())).isSucceeded());
        assertEquals(Felt.ONE, storage.at(wallet.address(), StorageLayout.revocationEpoch()));
        StoredSession revoked = storage.session(wallet.address(), key);
        assertTrue(revoked.isRegistered(), "get_session cannot tell, storage can");
        assertEquals(0, revoked.revocationEpoch());

        SessionToken fresh = node.dashboard().registerSession(wallet.address(), SandboxDashboard.SessionRequest.demo());
        assertEquals(1, storage.session(wallet.address(), fresh.sessionPublicKey()).revocationEpoch(), "registered in epoch 1");
    }

    @Test
    void theChainEnforcesTheRegisteredPolicyNotALooserTokens() {
        // Exported with any contract, 1000 STRK and 10 calls; on chain: STRK only, 10 STRK, 2 calls.
        Felt privateKey = StarkCurve.randomPrivateKey(new SecureRandom());
        SessionPolicy strict = new SessionPolicy(List.of(Token.STRK.address()), List.of(limit(Token.STRK, "10")), 2);
        SessionToken exported = token(privateKey, Optional.of(new SessionPolicy(List.of(), List.of(limit(Token.STRK, "1000")), 10)));
        SandboxDashboard.RegisteredSession registered = node.dashboard().registerSession(wallet.address(), exported, strict);

        Felt exportedKey = exported.sessionPublicKey();
        StoredSession stored = storage.session(wallet.address(), exportedKey);
        assertEquals(registered.stored(), stored);
        assertEquals(exported.nonce(), stored.nonce());
        assertEquals(strict.allowedContractsRoot(), stored.allowedContractsRoot());
        assertEquals(2, stored.maxCallsPerTx());
        assertEquals(1, storage.policyCount(wallet.address(), exportedKey));
        assertEquals(policySlots(strict.spendingLimits().getFirst()),
                storage.slots(wallet.address(), StorageLayout.spendingPolicy(exportedKey, 0).all()));

        // The exported token appends no allow-list proofs, and the chain's root makes the account read them.
        var unproven = assertThrows(RpcException.NodeError.class,
                () -> new SessionSender(rpc, exported).send(List.of(SessionSender.transfer(Token.STRK, RECIPIENT, "1"))));
        assertTrue(unproven.revertReason().orElseThrow().contains("\"Index out of bounds\""), unproven.getMessage());

        // Signed as the chain expects (the same key and nonce, the chain's allow-list), the chain's limits hold.
        SessionSender signer = new SessionSender(rpc, token(privateKey, Optional.of(strict)));
        assertRefused(signer, RevertReason.TOO_MANY_CALLS, Collections.nCopies(3, SessionSender.transfer(Token.STRK, RECIPIENT, "1")));
        assertRefused(signer, RevertReason.CONTRACT_NOT_ALLOWED, List.of(SessionSender.transfer(Token.ETH, RECIPIENT, "0.01")));
        TransactionReceipt over = signer.sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "11"));
        assertEquals(Optional.of(RevertReason.SPENDING_LIMIT_EXCEEDED), RevertReason.find(over.revertReason().orElseThrow()));
        assertTrue(signer.sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "10")).isSucceeded(), "exactly the chain's limit");
    }

    @Test
    void sandboxRegisterSessionOverRpcStoresTheGivenPolicyForStricterAndPolicylessTokens() {
        // A stricter token (STRK only, 1 STRK, 1 call) for a session the chain leaves open to any contract.
        SessionToken stricter = token(StarkCurve.randomPrivateKey(new SecureRandom()),
                Optional.of(new SessionPolicy(List.of(Token.STRK.address()), List.of(limit(Token.STRK, "1")), 1)));
        ObjectNode open = NODES.objectNode().put("max_calls_per_tx", 3);
        open.putArray("spending_limits").add(NODES.objectNode().put("token", "STRK").put("limit", "100000000000000000000"))
                .add(NODES.objectNode().put("token", Token.USDC.address().toHex()).put("limit", "0x2faf080"));
        JsonNode reply = registerOverRpc(stricter, open);
        Felt stricterKey = stricter.sessionPublicKey();
        StoredSession stored = storage.session(wallet.address(), stricterKey);
        assertEquals(stricterKey.toHex(), reply.get("session_key").asText());
        assertEquals(stricter.nonce().toHex(), reply.get("nonce").asText());
        assertEquals(stored.registeredAt(), reply.get("registered_at").asLong());
        assertEquals("0x0", reply.get("allowed_contracts_root").asText());
        assertEquals(3, reply.get("max_calls_per_tx").asInt());
        assertEquals(Token.STRK.address().toHex(), reply.at("/spending_limits/0/token").asText());
        assertEquals("50000000", reply.at("/spending_limits/1/limit").asText());
        assertEquals(new StoredSession(stricter.nonce(), Felt.ZERO, stricter.validAfter(), stricter.validUntil(), stored.registeredAt(),
                stricter.validUntil() + CavosAccount.RENEWAL_GRACE_SECONDS, 3, 0), stored);
        assertEquals(2, storage.policyCount(wallet.address(), stricterKey));

        SessionSender strict = new SessionSender(rpc, stricter);
        assertTrue(strict.sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "40"), SessionSender.transfer(Token.STRK, RECIPIENT, "10"),
                SessionSender.transfer(Token.USDC, RECIPIENT, "5")).isSucceeded(), "the chain's 3 calls, 100 STRK and open allow-list apply");

        // A token without a sessionPolicy, for a session with an allow-list and limits on chain.
        SessionToken policyless = token(StarkCurve.randomPrivateKey(new SecureRandom()), Optional.empty());
        ObjectNode restricted = NODES.objectNode().put("max_calls_per_tx", 5);
        restricted.putArray("allowed_contracts").add(Token.STRK.address().toHex());
        restricted.putArray("spending_limits").add(NODES.objectNode().put("token", "STRK").put("limit", "5"));
        registerOverRpc(policyless, restricted);
        StoredSession restrictedSession = storage.session(wallet.address(), policyless.sessionPublicKey());
        assertEquals(new SessionPolicy(List.of(Token.STRK.address()), List.of(), 5).allowedContractsRoot(),
                restrictedSession.allowedContractsRoot());
        assertEquals(List.of(Token.STRK.address(), Felt.of(5), Felt.ZERO),
                storage.slots(wallet.address(), StorageLayout.spendingPolicy(policyless.sessionPublicKey(), 0).all()));
        var unproven = assertThrows(RpcException.NodeError.class,
                () -> new SessionSender(rpc, policyless).send(List.of(SessionSender.transfer(Token.STRK, RECIPIENT, "1"))));
        assertTrue(unproven.revertReason().orElseThrow().contains("\"Index out of bounds\""), unproven.getMessage());

        SandboxDashboard.DemoWallet other = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
        var elsewhere = assertThrows(RpcException.NodeError.class, () -> registerOverRpc(other.token(), open));
        assertEquals(-32602, elsewhere.code());
    }

    @Test
    void aRenewalStoresThePoliciesItCarriesInTheCurrentEpoch() {
        assertTrue(sender.sendForReceipt(CavosAccount.emergencyRevoke(wallet.address())).isSucceeded());
        SessionPolicy demo = SandboxDashboard.SessionRequest.demo().policy().orElseThrow();
        SessionToken hour = node.dashboard().registerSession(wallet.address(), SandboxDashboard.SessionRequest.of(demo, 3600));
        node.increaseTime(3601);

        // The old key signs root and max calls; the policies are whatever the call carries: here USDC only.
        SessionPolicy carried = new SessionPolicy(demo.allowedContracts(), List.of(limit(Token.USDC, "7")), demo.maxCallsPerTx());
        SessionSender.Renewal renewal = SessionSender.renewal(hour, node.chainTime(), Optional.of(carried));
        assertTrue(new SessionSender(rpc, hour).sendForReceipt(renewal.call()).isSucceeded());

        Felt renewed = renewal.token().sessionPublicKey();
        StoredSession stored = storage.session(wallet.address(), renewed);
        assertEquals(renewal.token().nonce(), stored.nonce());
        assertEquals(demo.allowedContractsRoot(), stored.allowedContractsRoot());
        assertEquals(1, stored.revocationEpoch(), "the global epoch at renewal");
        assertEquals(session(renewal.token()), stored.view());
        assertEquals(1, storage.policyCount(wallet.address(), renewed));
        assertEquals(policySlots(carried.spendingLimits().getFirst()),
                storage.slots(wallet.address(), StorageLayout.spendingPolicy(renewed, 0).all()));

        SessionSender next = new SessionSender(rpc, renewal.token());
        TransactionReceipt strk = next.sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "1"));
        assertEquals(Optional.of(RevertReason.TOKEN_NOT_IN_POLICY), RevertReason.find(strk.revertReason().orElseThrow()));
        assertTrue(next.sendForReceipt(SessionSender.transfer(Token.USDC, RECIPIENT, "7")).isSucceeded());
    }

    @Test
    void aDumpedChainLoadsBackWithTheSameStorage(@TempDir Path dir) throws Exception {
        assertTrue(sender.sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "2")).isSucceeded());
        List<Felt> slots = new ArrayList<>(StorageLayout.session(key).all());
        slots.add(StorageLayout.spendingPolicyCount(key));
        slots.addAll(StorageLayout.spendingPolicy(key, 0).all());
        slots.add(StorageLayout.amountSpentLow(key, Token.STRK.address()));
        List<Felt> dumped = storage.slots(wallet.address(), slots);

        Path file = dir.resolve("dump.json");
        admin("devnet_dump", NODES.objectNode().put("path", file.toString()));
        assertTrue(sender.sendForReceipt(CavosAccount.revokeSession(wallet.address(), key)).isSucceeded());
        assertNotEquals(dumped, storage.slots(wallet.address(), slots));
        admin("devnet_load", NODES.objectNode().put("path", file.toString()));
        assertEquals(dumped, storage.slots(wallet.address(), slots));
        assertTrue(sender.sendForReceipt(SessionSender.transfer(Token.STRK, RECIPIENT, "1")).isSucceeded(), "the session works again");

        Path old = dir.resolve("old.json");
        Files.writeString(old, "{\"format\":1,\"chain_id\":\"" + SandboxNode.CHAIN_ID.toHex() + "\",\"world\":{},\"blocks\":[]}");
        var refused = assertThrows(RpcException.NodeError.class, () -> admin("devnet_load", NODES.objectNode().put("path", old.toString())));
        assertTrue(refused.data().asText().contains("written by an older sandbox (format 1"), refused.data().toString());
    }

    private JsonNode registerOverRpc(SessionToken token, ObjectNode policy) {
        ObjectNode params = NODES.objectNode().put("wallet_address", wallet.address().toHex()).put("token", token.encode());
        params.set("policy", policy);
        return admin("sandbox_registerSession", params);
    }

    private JsonNode admin(String method, ObjectNode params) {
        return rpc.send(RpcRequest.custom(method, params, true));
    }

    /** A token for the demo wallet, valid from an hour before the test began for two hours; one key, one nonce. */
    private SessionToken token(Felt privateKey, Optional<SessionPolicy> policy) {
        return SessionToken.builder(privateKey, wallet.address())
                .validity(start - 3600, start + 3600, start + 3600 + CavosAccount.RENEWAL_GRACE_SECONDS)
                .randomness(Felt.of(4242)).policy(policy).build();
    }

    private OnChainSession session(SessionToken token) {
        return OnChainSession.parse(rpc.call(CavosAccount.getSession(token.walletAddress(), token.sessionPublicKey()), BlockId.LATEST));
    }

    private static void assertRefused(SessionSender who, RevertReason reason, List<Call> calls) {
        var error = assertThrows(RpcException.NodeError.class, () -> who.send(calls));
        assertEquals(Optional.of(reason), RevertReason.find(error.revertReason().orElseThrow()), error.getMessage());
    }

    private static List<Felt> policySlots(SpendingLimit limit) {
        List<Felt> out = new ArrayList<>(List.of(limit.token()));
        out.addAll(limit.limit().toCalldata());
        return out;
    }

    private static SpendingLimit limit(Token token, String amount) {
        return new SpendingLimit(token.address(), U256.parseAmount(amount, token.decimals()));
    }
}
