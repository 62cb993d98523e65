package xyz.cavos.wallet.wallet;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.RpcException;
import xyz.cavos.wallet.starknet.StarknetErrorCode;
import xyz.cavos.wallet.starknet.TransactionReceipt;
import xyz.cavos.wallet.starknet.TransactionStatus;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.store.SessionStore;

/**
 * The wallet: the one door the desktop app and the command line use. Reads go out as one JSON-RPC batch;
 * every write is checked first against fresh chain data and the session's policy, so nothing the account
 * would refuse is signed, and no fee is burnt on it. The work is done by the parts this class wires up.
 */
public final class WalletService implements AutoCloseable {

    private final SessionToken token;
    private final EndpointNetwork network;
    private final Endpoints endpoints;
    private final SnapshotReader reader;
    private final TransactionSender sender;
    private final SessionRenewal renewal;
    private final ActivityReader activity;
    private final GaslessSender gasless;
    private final Optional<SessionStore> store;
    private final Optional<AddressBook> addressBook;
    private final TokenShelf tokens;
    private final AllowanceReader allowances;

    private WalletService(SessionToken token, EndpointResolver.Endpoint endpoint, Optional<SessionStore> store, Duration requestTimeout) {
        this.token = token;
        this.network = endpoint.network();
        this.endpoints = endpoint.endpoints();
        TokenRegistry registry = new TokenRegistry(store.map(SessionStore::home));
        this.reader = new SnapshotReader(token, network, endpoints, store, registry);
        this.sender = new TransactionSender(token, network, endpoints, reader, store);
        this.gasless = new GaslessSender(token, reader, sender, requestTimeout);
        this.renewal = new SessionRenewal(token, network, sender, gasless, store);
        this.store = store;
        this.addressBook = store.map(s -> AddressBook.open(s.home()));
        this.tokens = new TokenShelf(registry, network, endpoints, token.walletAddress(), reader::read);
        this.activity = new ActivityReader(token, network, endpoints, store,
                () -> tokens.list().stream().map(WalletToken::token).toList());
        this.allowances = new AllowanceReader(token, network, endpoints, store, registry);
    }

    /**
     * Connects a session to its network and endpoints: those named in the options (flags, then environment),
     * else the network from the options, the token's hints, what was stored at import for this session or the
     * settings, else the first of mainnet and Sepolia where the session is registered; with that network's
     * endpoints from the settings, or its defaults.
     */
    public static WalletService connect(SessionToken token, ConnectionOptions options, Optional<SessionStorage> storage) {
        Optional<SessionStore> store = storage.map(SessionStorage::store);
        return new WalletService(token, EndpointResolver.resolve(token, options, store), store, options.requestTimeout());
    }

    /** Releases the connection to the node; the service is not used afterwards. */
    @Override
    public void close() {
        endpoints.close();
    }

    public SessionToken token() {
        return token;
    }

    /** The network; named by the first read when only a URL was given (asked of the node if needed before). */
    public Network network() {
        return network.get();
    }

    /** The RPC endpoint in use (the one that answered last), as shown to people: scheme, host and port (the path may hold an API key). */
    public String rpcEndpointForDisplay() {
        return RpcClient.shown(endpoints.currentUrl());
    }

    /** The endpoint in use: the one that answered last. */
    public URI rpcUrl() {
        return endpoints.currentUrl();
    }

    /** The endpoints tried, in order. */
    public List<URI> rpcUrls() {
        return endpoints.urls();
    }

    /** HTTP requests made so far (each batch is one), over every endpoint. */
    public long roundTrips() {
        return endpoints.roundTrips();
    }

    // ---------------------------------------------------------------- reads

    /** Balances, the session and its policy from the account's storage, spending and nonce: one HTTP round trip. */
    public WalletSnapshot snapshot() {
        return reader.read();
    }

    public SessionStatus status(WalletSnapshot snapshot) {
        return SessionStatus.of(token, snapshot);
    }

    public SessionStatus sessionStatus() {
        return status(snapshot());
    }

    public PolicyUsage policyUsage(WalletSnapshot snapshot) {
        return PolicyReport.of(token, snapshot, new ContractNames(snapshot.network(), snapshot.tokens()));
    }

    public PolicyUsage policyUsage() {
        return policyUsage(snapshot());
    }

    /** What the dashboard warns about, from the token alone: no limits, no allow-list, longer than 24 hours. */
    public static List<String> tokenWarnings(SessionToken token) {
        return PolicyReport.tokenWarnings(token);
    }

    /**
     * A page of the wallet's history, newest first: the {@code limit} (1 to 1000) newest entries older than {@code after},
     * or from now when it is empty. Token transfers in and out, the session's events, and the transactions sent from
     * this installation with their status.
     */
    public ActivityPage activity(Optional<ActivityCursor> after, int limit) {
        return activity.page(after, limit);
    }

    // ---------------------------------------------------------------- tokens

    /**
     * The tokens the wallet lists on this network: the built-in ones, those a session's policy names and those added by
     * hand, with the symbols and decimals their contracts gave. Nothing is read from the chain.
     */
    public List<WalletToken> tokens() {
        return tokens.list();
    }

    /**
     * Adds a token by its address (hex or decimal): its symbol and decimals are read from its contract, and an address
     * that does not answer as an ERC-20, or gives a symbol that cannot be shown, is refused ({@link WalletError.Code#NOT_A_TOKEN}).
     * Adding a token a policy named makes it one added by hand.
     */
    public WalletToken addToken(String address) {
        return tokens.add(address);
    }

    /** Removes a token added by hand, by symbol or address; built-in tokens and those a policy names stay. */
    public WalletToken removeToken(String symbolOrAddress) {
        return tokens.remove(symbolOrAddress);
    }

    /** A listed token by symbol (a built-in symbol always means the built-in token) or address; nothing is read from the chain. */
    public Token findToken(String symbolOrAddress) {
        return tokens.find(symbolOrAddress).token();
    }

    // ---------------------------------------------------------------- allowances

    /**
     * The allowances given from this installation ({@code approve} calls it sent for this wallet), each with what is left
     * now as the token reads it: open ones first, then newest first. One round trip.
     */
    public List<Allowance> allowances() {
        return allowances.read(addressBook);
    }

    /** What an {@code approve} would cost (zero revokes an allowance); checks the policy first, sends nothing. */
    public FeeQuote quoteApprove(Token asset, Felt spender, U256 amount) {
        return simulate(List.of(erc20(asset, Preflight.APPROVE, spender, amount)));
    }

    /** A read-only contract call. */
    public List<Felt> call(Call call) {
        try {
            return endpoints.read((url, rpc) -> rpc.call(call, SnapshotReader.tag(url)));
        } catch (RpcException.NodeError e) {
            throw ErrorTranslation.callFailed(call.to(), e.revertReason().orElse(e.nodeMessage()));
        }
    }

    /** Where a transaction is; its receipt once it has one. */
    public TransactionStatusView transactionStatus(Felt hash) {
        try {
            return endpoints.read((url, rpc) -> {
                TransactionStatus status = rpc.getTransactionStatus(hash);
                Optional<TransactionReceipt> receipt = status.executionStatus().isPresent()
                        ? Optional.of(rpc.getTransactionReceipt(hash)) : Optional.empty();
                return new TransactionStatusView(hash, status, receipt, network().explorerLink(hash));
            });
        } catch (RpcException.NodeError e) {
            if (e.is(StarknetErrorCode.TXN_HASH_NOT_FOUND)) {
                throw ErrorTranslation.transactionNotFound(hash, network());
            }
            throw e;
        }
    }

    /**
     * What to know before tokens go to {@code recipient}, for the app and the command line to show: the wallet's own
     * address, a look-alike of an address in {@code book} ({@link RecipientCheck}), and no account or contract deployed
     * there on this network (asked of the node). When the node cannot be asked, that is a warning too
     * ({@link RecipientWarning.Kind#NOT_CHECKED}), never taken for a missing contract.
     */
    public List<RecipientWarning> checkRecipient(Felt recipient, AddressBook book) {
        List<RecipientWarning> warnings = new ArrayList<>(RecipientCheck.offline(recipient, token.walletAddress(), book));
        if (!recipient.equals(token.walletAddress())) {
            deployment(recipient).ifPresent(warnings::add);
        }
        return warnings;
    }

    private Optional<RecipientWarning> deployment(Felt recipient) {
        try {
            endpoints.read((url, rpc) -> {
                try {
                    return rpc.getClassHashAt(recipient, SnapshotReader.tag(url));
                } catch (RpcException.NodeError e) {
                    if (e.is(StarknetErrorCode.CONTRACT_NOT_FOUND)) {
                        throw e;
                    }
                    return rpc.getClassHashAt(recipient, BlockId.LATEST); // a provider without the pre_confirmed block
                }
            });
            return Optional.empty();
        } catch (RpcException.NodeError e) {
            return Optional.of(e.is(StarknetErrorCode.CONTRACT_NOT_FOUND) ? RecipientCheck.noContract(recipient, network())
                    : RecipientCheck.notChecked(recipient, "the node answered " + RpcException.Transport.shortened(e.nodeMessage())));
        } catch (WalletError e) {
            return Optional.of(RecipientCheck.notChecked(recipient, e.getMessage()));
        }
    }

    // ---------------------------------------------------------------- writes

    /**
     * Sends tokens; once sent, the recipient becomes the newest of the address book's recent recipients (when the
     * wallet has a config folder). Recording it never makes the transfer fail.
     */
    public TransactionOutcome transfer(Token asset, Felt recipient, U256 amount, boolean wait, Duration timeout, Progress progress) {
        TransactionOutcome outcome = execute(List.of(erc20(asset, Preflight.TRANSFER, recipient, amount)), wait, timeout, progress);
        rememberRecipient(asset, recipient);
        return outcome;
    }

    private void rememberRecipient(Token asset, Felt recipient) {
        addressBook.ifPresent(book -> {
            try {
                book.recordSent(recipient, asset.symbol(), Instant.now());
            } catch (RuntimeException e) {
                // the tokens are sent; a book that cannot be written only misses this entry
            }
        });
    }

    public TransactionOutcome approve(Token asset, Felt spender, U256 amount, boolean wait, Duration timeout, Progress progress) {
        return execute(List.of(erc20(asset, Preflight.APPROVE, spender, amount)), wait, timeout, progress);
    }

    /** The approval as {@link #approve(Token, Felt, U256, boolean, Duration, Progress)}, its fee paid as {@code payment} says. */
    public TransactionOutcome approve(Token asset, Felt spender, U256 amount, FeePayment payment, boolean wait, Duration timeout,
            Progress progress) {
        return execute(List.of(erc20(asset, Preflight.APPROVE, spender, amount)), payment, wait, timeout, progress);
    }

    private static Call erc20(Token asset, Felt selector, Felt counterparty, U256 amount) {
        List<Felt> data = new ArrayList<>(List.of(counterparty));
        data.addAll(amount.toCalldata());
        return new Call(asset.address(), selector, data);
    }

    /** What these calls would cost; checks the policy first, sends nothing. */
    public FeeQuote simulate(List<Call> calls) {
        WalletSnapshot snapshot = snapshot();
        Preflight.check(token, snapshot, calls);
        return sender.quote(snapshot, calls);
    }

    /**
     * Sends the calls with the fee paid as {@code payment} says: {@link FeePayment#SELF} as {@link #execute(List, boolean,
     * Duration, Progress)}, else through the paymaster, whose typed data is checked before the session key signs it.
     */
    public TransactionOutcome execute(List<Call> calls, FeePayment payment, boolean wait, Duration timeout, Progress progress) {
        if (payment instanceof FeePayment.Self) {
            return execute(calls, wait, timeout, progress);
        }
        if (calls.isEmpty()) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "There is nothing to send: no calls.", "Give at least one call.");
        }
        return gasless.send(List.copyOf(calls), payment, wait, timeout, progress);
    }

    /** What a transaction through the paymaster would cost the wallet (nothing when sponsored); checks everything, signs nothing. */
    public GaslessQuote quoteGasless(List<Call> calls, FeePayment payment) {
        return gasless.quote(List.copyOf(calls), payment);
    }

    /** The transfer as {@link #transfer(Token, Felt, U256, boolean, Duration, Progress)}, its fee paid as {@code payment} says. */
    public TransactionOutcome transfer(Token asset, Felt recipient, U256 amount, FeePayment payment, boolean wait, Duration timeout,
            Progress progress) {
        if (payment instanceof FeePayment.Self) {
            return transfer(asset, recipient, amount, wait, timeout, progress);
        }
        TransactionOutcome outcome = execute(List.of(erc20(asset, Preflight.TRANSFER, recipient, amount)), payment, wait, timeout, progress);
        rememberRecipient(asset, recipient);
        return outcome;
    }

    /** The call of a transfer, for a quote. */
    public static Call transferCall(Token asset, Felt recipient, U256 amount) {
        return erc20(asset, Preflight.TRANSFER, recipient, amount);
    }

    /** Checks, estimates, signs and sends the calls as one transaction; waits for the receipt if asked. */
    public TransactionOutcome execute(List<Call> calls, boolean wait, Duration timeout, Progress progress) {
        if (calls.isEmpty()) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "There is nothing to send: no calls.", "Give at least one call.");
        }
        List<Call> fixed = List.copyOf(calls);
        return sender.send(snapshot -> {
            Preflight.check(token, snapshot, fixed);
            progress.checked();
            return fixed;
        }, wait, timeout, progress);
    }

    /** Polls for the receipt; a reverted transaction becomes the matching {@link WalletError}. */
    public TransactionReceipt waitForReceipt(Felt hash, Duration timeout, Progress progress) {
        return sender.waitForReceipt(hash, timeout, progress);
    }

    /** Whether this session could ever send {@code asset}, by the chain's policy in {@code snapshot}; nothing is read. */
    public boolean canMove(WalletSnapshot snapshot, Felt asset) {
        return Preflight.canMove(token, snapshot, asset);
    }

    /** The tokens of {@code snapshot}'s balances this session could ever send ({@link #canMove}), in their order. */
    public List<Token> movableTokens(WalletSnapshot snapshot) {
        return snapshot.balances().stream().map(Balance::token).filter(t -> canMove(snapshot, t.address())).toList();
    }

    /** What revoking this session would cost; sends nothing. */
    public FeeQuote quoteRevoke() {
        return simulate(List.of(revokeCall()));
    }

    /** What revoking every session of the account would cost; sends nothing. */
    public FeeQuote quoteRevokeAll() {
        return simulate(List.of(revokeAllCall()));
    }

    /** What renewing the expired session would cost; refused as {@link #renew} would be when it cannot be renewed. */
    public FeeQuote quoteRenewal() {
        return renewal.quote(snapshot());
    }

    /** What renewing the expired session through the paymaster would cost: only a sponsored renewal is possible. */
    public GaslessQuote quoteRenewal(FeePayment payment) {
        return renewal.quote(payment);
    }

    /** Revokes this session on chain ({@code revoke_session} on the account itself). */
    public TransactionOutcome revoke(boolean wait, Duration timeout, Progress progress) {
        return revoke(FeePayment.SELF, wait, timeout, progress);
    }

    /** Revokes this session on chain, its fee paid as {@code payment} says. */
    public TransactionOutcome revoke(FeePayment payment, boolean wait, Duration timeout, Progress progress) {
        TransactionOutcome outcome = execute(List.of(revokeCall()), payment, wait, timeout, progress);
        // a revoked key reads like one never registered: this record is how the wallet tells the two apart
        store.ifPresent(s -> s.markRevoked(token.sessionPublicKey()));
        return outcome;
    }

    /** Revokes every session of the account ({@code emergency_revoke}). */
    public TransactionOutcome revokeAll(boolean wait, Duration timeout, Progress progress) {
        return revokeAll(FeePayment.SELF, wait, timeout, progress);
    }

    /** Revokes every session of the account, the fee paid as {@code payment} says. */
    public TransactionOutcome revokeAll(FeePayment payment, boolean wait, Duration timeout, Progress progress) {
        return execute(List.of(revokeAllCall()), payment, wait, timeout, progress);
    }

    /** The call that revokes this session, for a quote. */
    public Call revokeCall() {
        return CavosAccount.revokeSession(token.walletAddress(), token.sessionPublicKey());
    }

    /** The call that revokes every session of the account, for a quote. */
    public Call revokeAllCall() {
        return CavosAccount.emergencyRevoke(token.walletAddress());
    }

    /**
     * A renewal: the transaction, the new session, and where the new session was stored: it replaces the old
     * one in the store that held it ({@code storedIn} names the store), or is only in hand ({@code notStored}
     * says why, when storing failed).
     */
    public record Renewal(TransactionOutcome outcome, SessionToken newToken, Optional<String> storedIn, Optional<WalletError> notStored) {
    }

    /**
     * Renews an expired session inside its grace window: a new key, the same policy and duration, signed by
     * the old key as the account requires. Returns once the renewal is accepted and the new session stored.
     */
    public Renewal renew(Duration timeout, Progress progress) {
        return renew(false, timeout, progress);
    }

    /** {@code again}: renew a key this installation renewed before, on purpose (a fresh allowance each time). */
    public Renewal renew(boolean again, Duration timeout, Progress progress) {
        return renew(again, FeePayment.SELF, timeout, progress);
    }

    /**
     * The renewal, its fee paid as {@code payment} says: in STRK or sponsored by the paymaster. A renewal cannot pay the
     * paymaster in a token (the account lets an expired key sign only the renewal call itself).
     */
    public Renewal renew(boolean again, FeePayment payment, Duration timeout, Progress progress) {
        return renewal.renew(again, payment, timeout, progress);
    }
}
