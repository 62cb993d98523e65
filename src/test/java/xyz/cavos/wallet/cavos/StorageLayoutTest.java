package xyz.cavos.wallet.cavos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.TestResources;

/** The account's storage addresses and packed slots against {@code vectors/cavos-storage.json} (starknet.js). */
class StorageLayoutTest {

    private static final JsonNode VECTORS = TestResources.json("vectors/cavos-storage.json");
    private static final JsonNode EXAMPLE = VECTORS.get("example");
    private static final Felt KEY = felt(EXAMPLE.get("session_key"));

    @Test
    void everyVariableBaseIsTheKeccakOfItsName() {
        int checked = 0;
        for (Map.Entry<String, JsonNode> base : VECTORS.get("bases").properties()) {
            assertEquals(felt(base.getValue()), StorageLayout.base(base.getKey()), base.getKey());
            checked++;
        }
        assertEquals(9, checked);
        assertEquals(felt(VECTORS.get("bases").get("revocation_epoch")), StorageLayout.revocationEpoch());
    }

    @Test
    void sessionEntryTakesFourConsecutiveSlots() {
        JsonNode entry = EXAMPLE.get("sessions_entry");
        StorageLayout.SessionSlots slots = StorageLayout.session(KEY);
        assertEquals(felt(entry.get("nonce")), slots.nonce());
        assertEquals(felt(entry.get("allowed_contracts_root")), slots.allowedContractsRoot());
        assertEquals(felt(entry.get("time_limits")), slots.timeLimits());
        assertEquals(felt(entry.get("usage_limits")), slots.usageLimits());
    }

    @Test
    void spendingPolicyAddresses() {
        assertEquals(felt(EXAMPLE.get("spending_policy_count")), StorageLayout.spendingPolicyCount(KEY));
        int checked = 0;
        for (JsonNode policy : EXAMPLE.get("spending_policies")) {
            int index = policy.get("index").asInt();
            assertEquals(List.of(felt(policy.get("token")), felt(policy.get("limit_low")), felt(policy.get("limit_high"))),
                    StorageLayout.spendingPolicy(KEY, index).all(), "policy " + index);
            checked++;
        }
        assertEquals(2, checked);
    }

    @Test
    void amountSpentAddresses() {
        int checked = 0;
        for (JsonNode spent : EXAMPLE.get("amount_spent")) {
            Felt token = felt(spent.get("token"));
            assertEquals(felt(spent.get("low")), StorageLayout.amountSpentLow(KEY, token), token.toHex());
            assertEquals(felt(spent.get("high")), StorageLayout.amountSpentHigh(KEY, token), token.toHex());
            checked++;
        }
        assertEquals(2, checked);
    }

    @Test
    void outsideNonceAddress() {
        assertEquals(felt(EXAMPLE.get("outside_nonce_0x7")), StorageLayout.outsideNonce(Felt.of(7)));
    }

    @Test
    void hashedAddressesAreReducedBelowTwoToThe251MinusTwoHundredFiftySix() {
        BigInteger bound = BigInteger.ONE.shiftLeft(251).subtract(BigInteger.valueOf(256));
        assertEquals(bound, StorageLayout.ADDRESS_BOUND);
        assertEquals(Felt.ZERO, StorageLayout.reduce(Felt.of(bound)));
        assertEquals(Felt.of(bound.subtract(BigInteger.ONE)), StorageLayout.reduce(Felt.of(bound.subtract(BigInteger.ONE))));
        assertEquals(Felt.of(Felt.PRIME.subtract(BigInteger.ONE).subtract(bound)),
                StorageLayout.reduce(Felt.of(Felt.PRIME.subtract(BigInteger.ONE))));
    }

    @Test
    void packedSlotsMatchTheVector() {
        StoredSession session = exampleSession();
        assertEquals(felt(EXAMPLE.get("time_limits_packed")), session.timeLimits());
        assertEquals(felt(EXAMPLE.get("usage_limits_packed")), session.usageLimits());
    }

    @Test
    void unpacksTheVectorsSlots() {
        StoredSession expected = exampleSession();
        StoredSession read = StoredSession.fromSlots(List.of(expected.nonce(), expected.allowedContractsRoot(),
                felt(EXAMPLE.get("time_limits_packed")), felt(EXAMPLE.get("usage_limits_packed"))));
        assertEquals(expected, read);
        assertEquals(read.slots(), StoredSession.fromSlots(read.slots()).slots());
        assertTrue(read.isRegistered());
        assertEquals(new OnChainSession(read.nonce(), 1770706800L, 1770796800L, 1770969600L, 2103456L,
                read.allowedContractsRoot(), 5), read.view());
    }

    @Test
    void anEmptyEntryReadsAsNotRegistered() {
        StoredSession none = StoredSession.fromSlots(List.of(Felt.ZERO, Felt.ZERO, Felt.ZERO, Felt.ZERO));
        assertEquals(StoredSession.NONE, none);
        assertFalse(none.isRegistered());
    }

    @Test
    void fieldsAtTheEdgesOfTheirWidthsRoundTrip() {
        long u32 = 0xffff_ffffL;
        StoredSession edge = new StoredSession(Felt.ONE, Felt.ZERO, Long.MAX_VALUE, 1, Long.MAX_VALUE, Long.MAX_VALUE, u32,
                Long.MAX_VALUE);
        assertEquals(edge, StoredSession.fromSlots(edge.slots()));
    }

    @Test
    void refusesSlotsThatAreNotAPackedSession() {
        Felt tooHigh = Felt.of(BigInteger.ONE.shiftLeft(192));
        assertThrows(IllegalArgumentException.class,
                () -> StoredSession.fromSlots(List.of(Felt.ONE, Felt.ZERO, tooHigh, Felt.ZERO)));
        assertThrows(IllegalArgumentException.class,
                () -> StoredSession.fromSlots(List.of(Felt.ONE, Felt.ZERO, Felt.ZERO, Felt.of(BigInteger.ONE.shiftLeft(160)))));
        assertThrows(IllegalArgumentException.class, () -> StoredSession.fromSlots(List.of(Felt.ONE)));
        assertThrows(IllegalArgumentException.class,
                () -> new StoredSession(Felt.ONE, Felt.ZERO, 0, 0, 0, 0, 0x1_0000_0000L, 0));
    }

    private static StoredSession exampleSession() {
        JsonNode time = EXAMPLE.get("time_limits");
        JsonNode usage = EXAMPLE.get("usage_limits");
        return new StoredSession(Felt.parse("0x1234"), Felt.parse("0x5678"),
                number(time.get("valid_after")), number(time.get("valid_until")), number(time.get("registered_at")),
                number(usage.get("renewal_deadline")), number(usage.get("max_calls_per_tx")),
                number(usage.get("revocation_epoch")));
    }

    private static long number(JsonNode node) {
        return Long.parseLong(node.asText());
    }

    private static Felt felt(JsonNode node) {
        return Felt.parse(node.asText());
    }
}
