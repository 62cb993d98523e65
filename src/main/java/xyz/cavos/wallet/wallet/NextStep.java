package xyz.cavos.wallet.wallet;

import java.nio.file.Path;
import java.util.Optional;
import xyz.cavos.wallet.starknet.Felt;

/**
 * What a person can do about a {@link WalletError}, as a fact rather than words: the command line renders
 * it as a command, the app as a screen or button. Each face switches over every kind, so a new kind that a
 * face does not render is a compile error there.
 */
public sealed interface NextStep {

    /** Nothing beyond the error's own advice. */
    record None() implements NextStep {
    }

    /** Renew the expired session, which the account allows until {@code deadline} (unix seconds, chain time). */
    record RenewSession(long deadline) implements NextStep {
    }

    /** Renew once more on purpose: the key was renewed before, and each renewal brings a fresh allowance. */
    record RenewAgain() implements NextStep {
    }

    /** Import a session (a new export from the Cavos dashboard, or the same one again). */
    record ImportSession() implements NextStep {
    }

    /** The session's spending limits, allowed contracts and calls per transaction with their usage. */
    record SeePolicy() implements NextStep {
    }

    /** The session's state on chain: registration, validity, renewal, revocation. */
    record SeeSession() implements NextStep {
    }

    /** Look a sent transaction up before doing anything else with it. */
    record CheckTransaction(Felt hash, Optional<String> explorerLink) implements NextStep {
    }

    /** Look at the calls again, or estimate them without sending. */
    record ReviewCalls() implements NextStep {
    }

    /** The connection or the RPC endpoint failed. */
    record CheckConnection() implements NextStep {
    }

    /** Use an RPC endpoint of the right network ({@code network}, when it is known which). */
    record SetRpcEndpoint(Optional<String> network) implements NextStep {
    }

    /** Say which network the session is on. */
    record ChooseNetwork() implements NextStep {
    }

    /** The local sandbox node is not running. */
    record StartSandbox() implements NextStep {
    }

    /** Add funds to the wallet at {@code wallet}. */
    record TopUp(Felt wallet) implements NextStep {
    }

    /** Nothing was done; the same action may simply be tried again. */
    record TryAgain() implements NextStep {
    }

    /** The paymaster needs its API key, or refused the one it was given: set it where the wallet keeps it. */
    record SetPaymasterKey() implements NextStep {
    }

    /** The OS keychain is missing or locked. */
    record UnlockKeychain() implements NextStep {
    }

    /** Something nobody expected: the details are in the log file. */
    record Report(Path log) implements NextStep {
    }

    /** How to write a command-line argument (for input errors the command line alone raises). */
    record FixArgument(String example) implements NextStep {
    }

    NextStep NONE = new None();
}
