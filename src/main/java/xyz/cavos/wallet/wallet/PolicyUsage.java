package xyz.cavos.wallet.wallet;

import java.util.List;
import xyz.cavos.wallet.starknet.Felt;

/**
 * The session's policy with its usage: spending limits (only {@code transfer} and {@code approve} count,
 * on chain), allowed contracts with known names, max calls per transaction, and the warnings the dashboard
 * would show (no limits, no allow-list, longer than 24 h, policy differs from the chain's). {@code fromChain}: read
 * from the account's storage (else the token's copy); {@code restrictsContracts}: an allow-list applies, even
 * when its contracts are not known ({@code allowedContracts} is then empty).
 */
public record PolicyUsage(
        List<SpendingUsage> limits,
        List<AllowedContract> allowedContracts,
        long maxCallsPerTx,
        long sessionSeconds,
        List<String> warnings,
        boolean fromChain,
        boolean restrictsContracts,
        RenewalChain renewals) {

    /** An allowed contract: its display name (the known name with a short address, or the address) and the known name alone. */
    public record AllowedContract(Felt address, String name, java.util.Optional<String> knownAs) {
    }

    public PolicyUsage {
        limits = List.copyOf(limits);
        allowedContracts = List.copyOf(allowedContracts);
        warnings = List.copyOf(warnings);
    }
}
