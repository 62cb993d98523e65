package xyz.cavos.wallet.cavos;

import java.util.List;
import java.util.Objects;
import xyz.cavos.wallet.starknet.Felt;

/**
 * What {@code get_session} returns: nonce (zero when not registered or revoked), validity window and
 * renewal deadline (unix seconds), the block it was registered in, the allow-list root and max calls.
 */
public record OnChainSession(
        Felt nonce,
        long validAfter,
        long validUntil,
        long renewalDeadline,
        long registeredAt,
        Felt allowedContractsRoot,
        long maxCallsPerTx) {

    public static OnChainSession parse(List<Felt> result) {
        if (result.size() != 7) {
            throw new IllegalArgumentException("get_session returned " + result.size() + " values instead of 7");
        }
        return new OnChainSession(result.get(0), result.get(1).longValueExact(), result.get(2).longValueExact(),
                result.get(3).longValueExact(), result.get(4).longValueExact(), result.get(5), result.get(6).longValueExact());
    }

    public List<Felt> toFelts() {
        return List.of(nonce, Felt.of(validAfter), Felt.of(validUntil), Felt.of(renewalDeadline), Felt.of(registeredAt),
                allowedContractsRoot, Felt.of(maxCallsPerTx));
    }

    public boolean isRegistered() {
        return !nonce.isZero();
    }

    // Written out, as a record's would be: the generated ones are linked at their first call, which costs a
    // command-line start milliseconds, and every snapshot compares the session with the account's storage.
    @Override
    public boolean equals(Object other) {
        return other instanceof OnChainSession that && validAfter == that.validAfter && validUntil == that.validUntil
                && renewalDeadline == that.renewalDeadline && registeredAt == that.registeredAt && maxCallsPerTx == that.maxCallsPerTx
                && Objects.equals(nonce, that.nonce) && Objects.equals(allowedContractsRoot, that.allowedContractsRoot);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nonce, validAfter, validUntil, renewalDeadline, registeredAt, allowedContractsRoot, maxCallsPerTx);
    }
}
