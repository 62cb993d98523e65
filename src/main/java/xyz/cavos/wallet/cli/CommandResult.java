package xyz.cavos.wallet.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.TransactionReceipt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.wallet.SessionState;
import xyz.cavos.wallet.wallet.TransactionOutcome;

/**
 * What a command found or did, as one value: {@code --json} prints it as the envelope's {@code data},
 * {@link TextRenderer} prints it for people. Nothing else decides what a command shows.
 */
sealed interface CommandResult {

    /** Shown on stderr in text mode; the JSON carries them in {@code warnings}. */
    default List<String> warnings() {
        return List.of();
    }

    /** The exit code once the result is printed: 0, unless the result itself is a finding that something failed. */
    default int exitCode() {
        return 0;
    }

    // ---------------------------------------------------------------- session

    /** A session token's identity and window, as the token states it. */
    record SessionSummary(Felt walletAddress, Felt sessionKey, Instant validAfter, Instant validUntil, Optional<String> network) {

        static SessionSummary of(SessionToken token, Optional<String> network) {
            return new SessionSummary(token.walletAddress(), token.sessionPublicKey(), Instant.ofEpochSecond(token.validAfter()),
                    Instant.ofEpochSecond(token.validUntil()), network);
        }
    }

    /**
     * {@code name}: the session's name here, now the current one; {@code alongside}: the session that was current
     * before and is kept beside it, when the import did not name one and that session holds another key.
     */
    record ImportResult(@JsonUnwrapped SessionSummary session, String name, String store, Optional<String> storeFile,
            Optional<String> alongside, List<String> warnings) implements CommandResult {
    }

    /** The sessions stored here, by name; {@code current}: the one used when a command names none. */
    record SessionListResult(Optional<String> current, List<Entry> sessions) implements CommandResult {

        /** {@code importedAt} is unknown for a session imported before sessions had names. */
        record Entry(String name, Felt walletAddress, Optional<String> network, Optional<String> rpcUrl, String store,
                Optional<Instant> importedAt, boolean current) {
        }
    }

    /** The session now current. */
    record SessionUseResult(String name, Felt walletAddress, Optional<String> network) implements CommandResult {
    }

    /** The seed's keys come first; the rest is what the chain says about the session at {@code chainTime}. */
    record SessionStatusResult(
            Felt sessionKey,
            @JsonProperty("isRegistered") boolean isRegistered,
            Instant validUntil,
            @JsonProperty("isRenewable") boolean isRenewable,
            long callsMade,
            String callsMadeNote,
            SessionState state,
            Instant validAfter,
            Instant renewalDeadline,
            long secondsLeft,
            Instant chainTime,
            long blockNumber,
            Felt walletAddress,
            String network,
            Optional<String> revocation,
            List<String> warnings,
            Optional<String> sessionName) implements CommandResult {

        static final String CALLS_MADE_NOTE = "calls sent from this installation; the chain does not count calls";
    }

    /**
     * {@code removed}: where the session was removed from, in words; {@code cleared}: whether it was anywhere;
     * {@code name}: the session removed; {@code current}: the current session afterwards, if any.
     */
    record ClearResult(boolean cleared, Optional<String> name, List<String> removed, Optional<String> current, List<String> warnings)
            implements CommandResult {
    }

    record ExportResult(@JsonUnwrapped SessionSummary session, String token, List<String> warnings) implements CommandResult {
    }

    /** The validity window is the chain's, like {@code session status}'s; {@code sessionName}: the stored session's name. */
    record WhoamiResult(Felt walletAddress, Felt sessionKey, Instant validAfter, Instant validUntil, String network,
            String rpcEndpoint, SessionState state, Optional<String> sessionName) implements CommandResult {
    }

    // ---------------------------------------------------------------- reads

    /** {@code blockTag}: the block the figures are from, {@code pre_confirmed} or (where the provider has no such block) {@code latest}. */
    record BalanceResult(Felt walletAddress, String network, long blockNumber, String blockTag, List<TokenBalance> balances)
            implements CommandResult {

        /** {@code balance} is exact with the token's decimals; {@code raw} is in base units. */
        record TokenBalance(String symbol, String name, Felt address, int decimals, String balance, U256 raw) {
        }
    }

    /**
     * {@code anyContract}: no allow-list applies (an allow-list whose contracts this token does not list leaves
     * {@code allowedContracts} empty with {@code anyContract} false); {@code policySource}: {@code chain} when read
     * from the account's storage, else {@code token} (its copy, maybe stale).
     */
    record PolicyResult(List<Limit> spendingLimits, List<Contract> allowedContracts, boolean anyContract, long maxCallsPerTx,
            List<String> countedEntrypoints, String policySource, int renewals, List<String> warnings) implements CommandResult {

        /** {@code spentSinceFirstExport}: this session's spending plus that of the keys it was renewed from. */
        record Limit(Felt token, String symbol, String spent, String limit, String remaining, String spentSinceFirstExport, U256 spentRaw,
                U256 limitRaw) {
        }

        /** {@code name} is the known name with a short address, or the address. */
        record Contract(Felt address, String name) {
        }
    }

    record CallResult(List<Felt> result) implements CommandResult {
    }

    /**
     * What the calls would cost: in STRK with the gas they use (decimal strings) when the wallet pays ({@code feeMode}
     * self), else what the paymaster would take in {@code unit} (nothing when sponsored); the gas is then the paymaster's.
     */
    record SimulateResult(String estimatedFee, String maxFee, String unit, Optional<String> l2GasConsumed, Optional<String> l1DataGasConsumed,
            Optional<String> l1GasConsumed, int calls, String feeMode) implements CommandResult {
    }

    record TxStatusResult(Felt transactionHash, String finalityStatus, Optional<String> executionStatus,
            Optional<String> failureReason, Optional<String> fee, OptionalLong blockNumber, Optional<String> explorerUrl)
            implements CommandResult {
    }

    /**
     * The wallet's history, newest first; {@code more}: older entries remain (down to the session's registration);
     * {@code fromBlock} and {@code toBlock}: the blocks read, newest and oldest. Amounts exact with the token's decimals,
     * {@code amountRaw} in base units; {@code direction} in or out for transfers; {@code time} is the block's (sent, for
     * a pending transaction).
     */
    record HistoryResult(Felt walletAddress, String network, long fromBlock, long toBlock, boolean more, List<Entry> entries)
            implements CommandResult {

        record Entry(Optional<Instant> time, String kind, Optional<String> direction, Optional<String> amount, Optional<String> token,
                Optional<U256> amountRaw, Optional<Felt> counterparty, String status, OptionalLong block, Optional<Felt> transactionHash,
                Optional<String> revertReason, String description, Optional<String> explorerUrl) {

            static Entry of(xyz.cavos.wallet.wallet.ActivityEntry e) {
                return new Entry(e.time(), e.kind().name().toLowerCase(java.util.Locale.ROOT), Optional.of(e.direction()).filter(d -> !d.isEmpty()),
                        Optional.of(e.amountText()).filter(a -> !a.isEmpty()), Optional.of(e.symbol()).filter(s -> !s.isEmpty()), e.raw(),
                        e.counterparty(), e.status().name().toLowerCase(java.util.Locale.ROOT), e.block(), e.transactionHash(), e.revertReason(),
                        e.description(), e.explorerLink());
            }
        }
    }

    /** The history as CSV, printed as it is. */
    record HistoryCsv(String csv) implements CommandResult {
    }

    // ---------------------------------------------------------------- writes

    /**
     * A sent transaction as every write reports it. {@code status} is the receipt's finality, or SUBMITTED when it was not
     * waited for (then there is no fee paid or block yet). {@code feeMode}: self (paid in STRK), sponsored (the paymaster
     * paid, the wallet nothing) or token (the paymaster was paid in {@code feeUnit}); the fees are in {@code feeUnit}.
     */
    record Transaction(Felt transactionHash, String status, int calls, String estimatedFee, String maxFee, Optional<String> fee,
            Optional<String> feeUnit, OptionalLong blockNumber, Optional<String> explorerUrl, String feeMode) {

        static final String SUBMITTED = "SUBMITTED";

        static Transaction of(TransactionOutcome outcome) {
            Optional<TransactionReceipt> receipt = outcome.receipt();
            int decimals = outcome.feeToken().decimals();
            return new Transaction(outcome.transactionHash(), receipt.map(TransactionReceipt::finalityStatus).orElse(SUBMITTED),
                    outcome.calls(), Render.amount(outcome.estimatedFee(), decimals), Render.amount(outcome.maxFee(), decimals),
                    outcome.paidFee().map(fee -> Render.amount(fee, decimals)), Optional.of(outcome.feeToken().symbol()),
                    Render.blockNumber(receipt), outcome.explorerLink(), outcome.feeMode());
        }
    }

    /**
     * {@code toName}: the recipient's name in the address book; {@code warnings}: what the recipient checks found, in
     * words, and {@code recipientChecks} their kinds (no-contract, lookalike, self, not-checked) for scripts.
     */
    record TransferResult(@JsonUnwrapped Transaction transaction, String token, String amount, U256 amountRaw, Felt to,
            Optional<String> toName, List<String> recipientChecks, List<String> warnings) implements CommandResult {
    }

    /** Like {@link TransferResult}, for the spender. */
    record ApproveResult(@JsonUnwrapped Transaction transaction, String token, String amount, U256 amountRaw, Felt spender,
            Optional<String> spenderName, List<String> recipientChecks, List<String> warnings) implements CommandResult {
    }

    /** {@code entrypoint} as given: a function name or a selector. */
    record ExecuteResult(@JsonUnwrapped Transaction transaction, Felt contract, String entrypoint) implements CommandResult {
    }

    record MulticallResult(@JsonUnwrapped Transaction transaction) implements CommandResult {
    }

    /** {@code revoked} is this session's key, or "all" after an emergency revoke. */
    record RevokeResult(@JsonUnwrapped Transaction transaction, String revoked, Felt walletAddress) implements CommandResult {

        static final String ALL = "all";
    }

    /**
     * {@code store} names where the new token was saved; a session from --token or CAVOS_TOKEN gets the new
     * {@code token} back instead, to pass on the same way.
     */
    record RenewResult(@JsonUnwrapped Transaction transaction, SessionSummary session, Optional<String> store,
            Optional<String> token, Optional<String> notStored) implements CommandResult {

        @JsonProperty("stored")
        boolean stored() {
            return store.isPresent();
        }
    }

    // ---------------------------------------------------------------- address book

    /** The address book: contacts by name, then the addresses sent to recently, newest first. */
    /** The tokens listed on a network; {@code source}: {@code built-in}, {@code policy} or {@code added}. */
    record TokensResult(String network, List<Entry> tokens) implements CommandResult {

        /** {@code lookalike}: its symbol is another listed token's, so the symbol shown carries a short address. */
        record Entry(String symbol, Felt address, int decimals, String source, boolean lookalike) {
            static Entry of(xyz.cavos.wallet.wallet.WalletToken token) {
                return new Entry(token.token().symbol(), token.token().address(), token.token().decimals(), token.source().id(),
                        token.lookalike());
            }
        }
    }

    /** A token added to the list, or removed from it. */
    record TokenChangeResult(String action, String network, @JsonUnwrapped TokensResult.Entry token) implements CommandResult {
    }

    /**
     * The allowances approved from this computer: {@code amount} what the spender may still take (exact, with the token's
     * decimals), {@code open} whether it is above zero, {@code approvedAt} the last approval sent from here.
     */
    record AllowancesResult(Felt walletAddress, String network, List<Entry> allowances) implements CommandResult {

        record Entry(String token, Felt tokenAddress, Felt spender, Optional<String> spenderName, String amount, U256 amountRaw,
                boolean open, Instant approvedAt) {
        }
    }

    record ContactsResult(List<Contact> contacts, List<Recent> recent, String file) implements CommandResult {

        record Contact(String name, Felt address, Optional<String> note) {
        }

        /** {@code name}: the contact's, when the address has one. */
        record Recent(Felt address, String token, Instant sentAt, Optional<String> name) {
        }
    }

    /** A contact added or removed; {@code action}: added or removed. */
    record ContactChangeResult(String action, String name, Felt address, Optional<String> note) implements CommandResult {
    }

    // ---------------------------------------------------------------- network and settings

    /**
     * The endpoints checked, in the order they are tried; {@code network} is left out when only URLs were given
     * (then any chain is accepted). {@code usable}: how many can be used; none makes the command exit 1.
     */
    record NetworkCheckResult(Optional<String> network, int usable, List<Endpoint> endpoints) implements CommandResult {

        /**
         * {@code endpoint} as shown (scheme, host and port when the URL may hold a key); {@code verdict} one of
         * ok, gone, not-json, rate-limited, wrong-chain, old-spec, unreachable, refused; what was not found out
         * is left out; {@code problem} when the verdict is not ok.
         */
        record Endpoint(int position, String endpoint, String verdict, boolean reachable, Optional<String> chain,
                Optional<String> specVersion, OptionalLong latencyMs, Optional<Boolean> batches, Optional<Boolean> preConfirmed,
                Optional<String> problem) {
        }

        @Override
        public int exitCode() {
            return usable > 0 ? 0 : 1;
        }
    }

    /**
     * The network settings of this installation: the network chosen (left out: none), each network's endpoints
     * in the order they are tried, the paymaster; after {@code config set} or {@code unset}, the key changed.
     */
    record ConfigResult(Optional<Change> changed, Optional<String> network, List<NetworkEndpoints> endpoints,
            Optional<String> paymasterUrl, boolean paymasterApiKey, List<String> warnings) implements CommandResult {

        /** {@code action}: set or unset. */
        record Change(String key, String action) {
        }

        record NetworkEndpoints(String network, List<ConfiguredEndpoint> endpoints) {
        }

        /**
         * {@code endpoint} as shown (scheme, host and port for a URL kept in the keychain); {@code default}: one of
         * the network's public defaults, used while it has no list of its own.
         */
        record ConfiguredEndpoint(int position, String endpoint, @JsonProperty("default") boolean isDefault, boolean inKeychain) {
        }
    }
}
