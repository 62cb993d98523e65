package xyz.cavos.wallet.wallet;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import xyz.cavos.wallet.cavos.AllowList;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.OnChainSession;
import xyz.cavos.wallet.cavos.RevertReason;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SessionTransaction;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Block;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.EmittedEvent;
import xyz.cavos.wallet.starknet.EventFilter;
import xyz.cavos.wallet.starknet.EventsPage;
import xyz.cavos.wallet.starknet.FeeEstimate;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvokeV3;
import xyz.cavos.wallet.starknet.ResourceBounds;
import xyz.cavos.wallet.starknet.ResourceBoundsMapping;
import xyz.cavos.wallet.starknet.RpcBatch;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.RpcException;
import xyz.cavos.wallet.starknet.RpcRequest;
import xyz.cavos.wallet.starknet.Selector;
import xyz.cavos.wallet.starknet.StarkCurve;
import xyz.cavos.wallet.starknet.StarknetErrorCode;
import xyz.cavos.wallet.starknet.TransactionReceipt;
import xyz.cavos.wallet.starknet.TransactionStatus;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.store.SessionStore;

/**
 * The wallet: what the desktop app and the command line both use. Reads go out as one JSON-RPC batch;
 * every write is checked first against fresh chain data and the session's policy, so nothing the account
 * would refuse is signed, and no fee is burnt on it.
 */
public final class WalletService implements AutoCloseable {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final Felt TRANSFER = Selector.of("transfer");
    private static final Felt APPROVE = Selector.of("approve");
    private static final BigInteger L2_GAS_OVERHEAD = BigInteger.valueOf(5_000_000);
    private static final int NONCE_RETRIES = 6;
    private static final String NEW_SESSION_HINT = "Export a new session from the Cavos dashboard and import it: cavos session import <token>";

    private final SessionToken token;
    private final Network network;
    private final URI rpcUrl;
    private final RpcClient rpc;
    private final Optional<SessionStore> store;

    private WalletService(SessionToken token, Network network, URI rpcUrl, RpcClient rpc, Optional<SessionStore> store) {
        this.token = token;
        this.network = network;
        this.rpcUrl = rpcUrl;
        this.rpc = rpc;
        this.store = store;
    }

    /**
     * Connects a session to its network. The network comes from the options (flag, then environment), else
     * the token's hints, else what was stored at import for this session, else the first of mainnet and
     * Sepolia where the session is registered.
     */
    public static WalletService connect(SessionToken token, ConnectionOptions options, Optional<SessionStore> store) {
        Choice choice = Choice.of(options.network(), options.rpcUrl())
                .orElse(() -> Choice.hint(token.network(), token.rpcUrl()).withChainId(token.chainId()))
                .orElse(() -> store.map(SessionStore::settings)
                        .filter(settings -> settings.sessionPublicKey().filter(token.sessionPublicKey()::equals).isPresent())
                        .map(settings -> Choice.hint(settings.network(), settings.rpcUrl()))
                        .orElse(Choice.NONE));
        if (choice.isEmpty()) {
            return detect(token, options, store);
        }
        URI endpoint = choice.url().or(() -> choice.network().map(Network::defaultRpcUrl)).orElseThrow();
        RpcClient client = client(endpoint, options);
        try {
            Network network = choice.network().orElseGet(() -> {
                Felt chainId = guard(client::chainId);
                return Network.byChainId(chainId).orElse(Network.custom(chainId, endpoint));
            });
            return new WalletService(token, network, endpoint, client, store);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** One source's say on the network and RPC URL; the first source that says anything wins. */
    private record Choice(Optional<Network> network, Optional<URI> url) {
        static final Choice NONE = new Choice(Optional.empty(), Optional.empty());

        /** What the user asked for: an unknown network name is an error. */
        static Choice of(Optional<String> network, Optional<String> url) {
            return new Choice(network.map(WalletService::networkNamed), url.map(WalletService::parseUrl));
        }

        /** A hint from the token or the settings: a network name the wallet does not know is ignored. */
        static Choice hint(Optional<String> network, Optional<String> url) {
            return new Choice(network.flatMap(Network::byName), url.map(WalletService::parseUrl));
        }

        Choice withChainId(Optional<Felt> chainId) {
            return network.isPresent() ? this : new Choice(chainId.flatMap(Network::byChainId), url);
        }

        boolean isEmpty() {
            return network.isEmpty() && url.isEmpty();
        }

        Choice orElse(java.util.function.Supplier<Choice> next) {
            return isEmpty() ? next.get() : this;
        }
    }

    private static WalletService detect(SessionToken token, ConnectionOptions options, Optional<SessionStore> store) {
        List<String> tried = new ArrayList<>();
        for (Network candidate : List.of(Network.MAINNET, Network.SEPOLIA)) {
            RpcClient client = client(candidate.defaultRpcUrl(), options);
            try {
                OnChainSession session = OnChainSession.parse(client.call(
                        CavosAccount.getSession(token.walletAddress(), token.sessionPublicKey()), BlockId.LATEST));
                if (session.isRegistered()) {
                    return new WalletService(token, candidate, candidate.defaultRpcUrl(), client, store);
                }
                tried.add(candidate.name() + ": not registered");
            } catch (RpcException e) {
                tried.add(candidate.name() + ": " + e.getMessage());
            }
            client.close();
        }
        throw new WalletError(WalletError.Code.NETWORK_NOT_FOUND,
                "Could not tell which network this session is on (" + String.join("; ", tried) + ").",
                "Name it with --network mainnet|sepolia|sandbox or --rpc-url <url> (or CAVOS_NETWORK / CAVOS_RPC_URL).");
    }

    private static RpcClient client(URI endpoint, ConnectionOptions options) {
        try {
            return RpcClient.builder(endpoint).requestTimeout(options.requestTimeout()).build();
        } catch (IllegalArgumentException e) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, e.getMessage(), "Give an http(s) URL, e.g. --rpc-url https://…/rpc/v0_10");
        }
    }

    private static Network networkNamed(String name) {
        return Network.byName(name).orElseThrow(() -> new WalletError(WalletError.Code.INVALID_ARGUMENT,
                "Unknown network \"" + name + "\".", "Use --network mainnet, sepolia or sandbox, or give --rpc-url <url>."));
    }

    private static URI parseUrl(String text) {
        try {
            URI uri = new URI(text.strip());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                throw new URISyntaxException(text, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "The RPC URL is not an http(s) URL.",
                    "Give one like --rpc-url https://starknet-mainnet.example/rpc/v0_10");
        }
    }

    /** Releases the connection to the node; the service is not used afterwards. */
    @Override
    public void close() {
        rpc.close();
    }

    public SessionToken token() {
        return token;
    }

    public Network network() {
        return network;
    }

    /** The RPC endpoint as shown to people: scheme, host and port (the path may hold an API key). */
    public String rpcEndpointForDisplay() {
        return rpc.endpointForDisplay();
    }

    public URI rpcUrl() {
        return rpcUrl;
    }

    /** HTTP requests made so far (each batch is one). */
    public long roundTrips() {
        return rpc.roundTrips();
    }

    // ---------------------------------------------------------------- reads

    /** Balances, session, spending, revocation and nonce in one HTTP round trip (more only to page events). */
    public WalletSnapshot snapshot() {
        return guard(this::readSnapshot);
    }

    private WalletSnapshot readSnapshot() {
        RpcBatch batch = rpc.newBatch();
        RpcBatch.Result<Felt> chainId = batch.add(RpcRequest.chainId());
        RpcBatch.Result<Block> pending = batch.add(RpcRequest.getBlockWithTxHashes(BlockId.PRE_CONFIRMED));
        RpcBatch.Result<Felt> nonce = batch.add(RpcRequest.getNonce(token.walletAddress(), BlockId.PRE_CONFIRMED));
        RpcBatch.Result<List<Felt>> session = batch.add(RpcRequest.call(
                CavosAccount.getSession(token.walletAddress(), token.sessionPublicKey()), BlockId.PRE_CONFIRMED));
        Map<Token, RpcBatch.Result<List<Felt>>> balances = new LinkedHashMap<>();
        for (Token known : Token.KNOWN) {
            balances.put(known, batch.add(RpcRequest.call(Call.of(known.address(), "balanceOf", List.of(token.walletAddress())),
                    BlockId.PRE_CONFIRMED)));
        }
        Map<Felt, RpcBatch.Result<List<Felt>>> spending = new LinkedHashMap<>();
        for (SpendingLimit limit : token.effectivePolicy().spendingLimits()) {
            spending.put(limit.token(), batch.add(RpcRequest.call(
                    CavosAccount.getSessionSpending(token.walletAddress(), token.sessionPublicKey(), limit.token()), BlockId.PRE_CONFIRMED)));
        }
        EventFilter revocations = new EventFilter(BlockId.number(network.firstEventBlock()), BlockId.LATEST,
                Optional.of(token.walletAddress()), List.of(List.of(CavosAccount.ALL_SESSIONS_REVOKED, CavosAccount.SESSION_REVOKED)),
                1000, Optional.empty());
        RpcBatch.Result<EventsPage> events = batch.add(RpcRequest.getEvents(revocations));
        batch.send();

        if (!chainId.get().equals(network.chainId())) {
            throw new WalletError(WalletError.Code.CHAIN_MISMATCH, "The RPC endpoint " + rpc.endpointForDisplay() + " serves chain "
                    + describeChain(chainId.get()) + ", not " + network.name() + ".",
                    "Use an RPC URL for " + network.name() + ", or pick the network that matches with --network.");
        }
        List<Balance> held = new ArrayList<>();
        balances.forEach((known, result) -> {
            try {
                List<Felt> value = result.get();
                held.add(new Balance(known, U256.ofParts(value.get(0), value.get(1))));
            } catch (RpcException.NodeError e) {
                if (!e.is(StarknetErrorCode.CONTRACT_NOT_FOUND)) {
                    throw e; // a token not deployed on this network is simply not listed
                }
            }
        });
        Map<Felt, U256> spent = new HashMap<>();
        spending.forEach((tokenAddress, result) -> {
            List<Felt> value = result.get();
            spent.put(tokenAddress, U256.ofParts(value.get(0), value.get(1)));
        });
        OnChainSession onChain = OnChainSession.parse(session.get());
        Block block = pending.get();
        Optional<String> revocation = revocation(onChain, events, revocations);
        long calls = store.map(s -> s.settings().callsMade(token.sessionPublicKey())).orElse(0L);
        return new WalletSnapshot(network, Math.max(0, block.blockNumber() - 1), block.timestamp(), held, onChain, spent, revocation,
                nonce.get(), calls);
    }

    private Optional<String> revocation(OnChainSession session, RpcBatch.Result<EventsPage> batched, EventFilter wide) {
        EventFilter filter = wide;
        EventsPage firstPage;
        try {
            firstPage = batched.get();
        } catch (RpcException.NodeError refused) {
            // Providers that cap block ranges refuse a scan from the network's first block: narrow it to the
            // block the session was registered in, which this batch just read.
            if (!session.isRegistered()) {
                return Optional.empty();
            }
            filter = new EventFilter(BlockId.number(session.registeredAt()), wide.toBlock(), wide.address(), wide.keys(),
                    wide.chunkSize(), Optional.empty());
            try {
                firstPage = rpc.getEvents(filter);
            } catch (RpcException.NodeError alsoRefused) {
                return Optional.empty(); // revocation by emergency revoke stays unknown; everything else is still right
            }
        }
        List<EmittedEvent> all = new ArrayList<>(firstPage.events());
        Optional<String> next = firstPage.continuationToken();
        while (next.isPresent()) {
            EventsPage page = rpc.getEvents(filter.next(next.get()));
            all.addAll(page.events());
            next = page.continuationToken();
        }
        for (EmittedEvent event : all) {
            Felt key = event.keys().getFirst();
            if (key.equals(CavosAccount.SESSION_REVOKED) && !event.data().isEmpty() && event.data().getFirst().equals(token.sessionPublicKey())
                    && !session.isRegistered()) {
                return Optional.of("revoked" + event.blockNumber().stream().mapToObj(b -> " in block " + b).findFirst().orElse(""));
            }
            if (key.equals(CavosAccount.ALL_SESSIONS_REVOKED) && session.isRegistered()
                    && event.blockNumber().orElse(Long.MAX_VALUE) >= session.registeredAt()) {
                return Optional.of("all sessions revoked (emergency revoke" + event.blockNumber().stream()
                        .mapToObj(b -> " in block " + b).findFirst().orElse("") + ")");
            }
        }
        return Optional.empty();
    }

    public SessionStatus status(WalletSnapshot snapshot) {
        OnChainSession s = snapshot.session();
        long now = snapshot.chainTime();
        SessionState state;
        if (snapshot.revocation().isPresent()) {
            state = SessionState.REVOKED;
        } else if (!s.isRegistered()) {
            state = SessionState.NOT_REGISTERED;
        } else {
            state = SessionStatus.stateAt(now, s.validAfter(), s.validUntil(), s.renewalDeadline());
        }
        boolean registered = s.isRegistered();
        return new SessionStatus(state, token.sessionPublicKey(), token.walletAddress(), registered,
                registered ? s.validAfter() : token.validAfter(), registered ? s.validUntil() : token.validUntil(),
                registered ? s.renewalDeadline() : token.validUntil() + CavosAccount.RENEWAL_GRACE_SECONDS,
                now, snapshot.blockNumber(), snapshot.callsMade(), snapshot.revocation());
    }

    public SessionStatus sessionStatus() {
        return status(snapshot());
    }

    public PolicyUsage policyUsage(WalletSnapshot snapshot) {
        SessionPolicy policy = token.effectivePolicy();
        List<SpendingUsage> limits = policy.spendingLimits().stream()
                .map(l -> new SpendingUsage(l.token(), Token.byAddress(l.token()), snapshot.spent().getOrDefault(l.token(), U256.ZERO), l.limit()))
                .toList();
        List<PolicyUsage.AllowedContract> allowed = policy.allowedContracts().stream()
                .map(a -> new PolicyUsage.AllowedContract(a, knownName(a), knownAs(a))).toList();
        long seconds = token.validUntil() - token.validAfter();
        List<String> warnings = new ArrayList<>(tokenWarnings(token));
        if (snapshot.session().isRegistered()) {
            if (!snapshot.session().allowedContractsRoot().equals(policy.allowedContractsRoot())) {
                warnings.add("The allowed contracts in this token differ from the ones registered on chain: export the session again.");
            }
            if (snapshot.session().maxCallsPerTx() != policy.maxCallsPerTx()) {
                warnings.add("The chain allows " + snapshot.session().maxCallsPerTx() + " calls per transaction, the token says "
                        + policy.maxCallsPerTx() + ".");
            }
        }
        long maxCalls = snapshot.session().isRegistered() ? snapshot.session().maxCallsPerTx() : policy.maxCallsPerTx();
        return new PolicyUsage(limits, allowed, maxCalls, seconds, warnings);
    }

    /**
     * What the dashboard warns about, from the token alone: no spending limits, no allow-list, a session
     * longer than 24 hours (the dashboard backdates the start by an hour, which is not counted).
     */
    public static List<String> tokenWarnings(SessionToken token) {
        SessionPolicy policy = token.effectivePolicy();
        List<String> warnings = new ArrayList<>();
        if (!policy.hasSpendingLimits()) {
            warnings.add("No spending limits: unlimited transfers allowed.");
        }
        if (!policy.restrictsContracts()) {
            warnings.add("No contract allow-list: the session may call any contract.");
        }
        long seconds = token.validUntil() - token.validAfter();
        if (seconds > 25 * 3600) {
            warnings.add("The session lives longer than 24 hours (" + (seconds / 3600) + " h): prefer short sessions.");
        }
        return warnings;
    }

    public PolicyUsage policyUsage() {
        return policyUsage(snapshot());
    }

    /** A read-only contract call. */
    public List<Felt> call(Call call) {
        try {
            return guard(() -> rpc.call(call, BlockId.PRE_CONFIRMED));
        } catch (RpcException.NodeError e) {
            throw new WalletError(WalletError.Code.CALL_FAILED, "The call to " + call.to().toHex() + " failed: "
                    + e.revertReason().orElse(e.nodeMessage()), "Check the contract address, entry point and calldata.");
        }
    }

    /** Where a transaction is; its receipt once it has one. */
    public TransactionStatusView transactionStatus(Felt hash) {
        try {
            return guard(() -> {
                TransactionStatus status = rpc.getTransactionStatus(hash);
                Optional<TransactionReceipt> receipt = Optional.empty();
                if (status.executionStatus().isPresent()) {
                    receipt = Optional.of(rpc.getTransactionReceipt(hash));
                }
                return new TransactionStatusView(hash, status, receipt, network.explorerLink(hash));
            });
        } catch (RpcException.NodeError e) {
            if (e.is(StarknetErrorCode.TXN_HASH_NOT_FOUND)) {
                throw new WalletError(WalletError.Code.TRANSACTION_NOT_FOUND, "No transaction " + hash.toHex() + " on " + network.name() + ".",
                        "Check the hash and the network (--network).");
            }
            throw e;
        }
    }

    /** A transaction's status with its receipt and explorer link. */
    public record TransactionStatusView(Felt hash, TransactionStatus status, Optional<TransactionReceipt> receipt,
            Optional<String> explorerLink) {
    }

    // ---------------------------------------------------------------- writes

    public TransactionOutcome transfer(Token asset, Felt recipient, U256 amount, boolean wait, Duration timeout, Progress progress) {
        List<Felt> data = new ArrayList<>(List.of(recipient));
        data.addAll(amount.toCalldata());
        return execute(List.of(new Call(asset.address(), TRANSFER, data)), wait, timeout, progress);
    }

    public TransactionOutcome approve(Token asset, Felt spender, U256 amount, boolean wait, Duration timeout, Progress progress) {
        List<Felt> data = new ArrayList<>(List.of(spender));
        data.addAll(amount.toCalldata());
        return execute(List.of(new Call(asset.address(), APPROVE, data)), wait, timeout, progress);
    }

    /** What these calls would cost; checks the policy first, sends nothing. */
    public FeeQuote simulate(List<Call> calls) {
        WalletSnapshot snapshot = snapshot();
        preflight(snapshot, calls);
        return quote(snapshot.nonce(), calls);
    }

    /** Checks, estimates, signs and sends the calls as one transaction; waits for the receipt if asked. */
    public TransactionOutcome execute(List<Call> calls, boolean wait, Duration timeout, Progress progress) {
        if (calls.isEmpty()) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "There is nothing to send: no calls.", "Give at least one call.");
        }
        for (int attempt = 1; ; attempt++) {
            progress.step("Checking the session and policy against the chain");
            WalletSnapshot snapshot = snapshot();
            preflight(snapshot, calls);
            progress.step("Estimating the fee");
            FeeQuote quote;
            try {
                quote = estimate(snapshot.nonce(), calls);
            } catch (RpcException.NodeError e) {
                if (isStaleNonce(e) && attempt < NONCE_RETRIES) {
                    pauseBeforeRetry();
                    continue; // another device's transaction landed meanwhile: read again, check again
                }
                throw rejected(e);
            }
            checkFunds(snapshot, calls, quote);
            InvokeV3 signed = SessionTransaction.sign(token, network.chainId(), snapshot.nonce(), calls, quote.bounds());
            Felt hash = signed.hash(network.chainId());
            progress.step("Sending the transaction");
            try {
                guard(() -> rpc.addInvokeTransaction(signed));
            } catch (RpcException.NodeError e) {
                if (isStaleNonce(e) && attempt < NONCE_RETRIES) {
                    pauseBeforeRetry();
                    continue; // another device used this nonce first: the transaction was refused, check again and re-sign
                }
                throw rejected(e);
            } catch (WalletError e) {
                if (e.getCause() instanceof RpcException.Transport t && t.maybeDelivered()) {
                    throw new WalletError(WalletError.Code.NETWORK_ERROR, "The connection failed while sending transaction " + hash.toHex()
                            + "; it may have been received.", "Do not resend yet: check it with cavos tx status " + hash.toHex(), e);
                }
                throw e;
            }
            progress.submitted(hash);
            store.ifPresent(s -> s.addCalls(token.sessionPublicKey(), calls.size()));
            Optional<TransactionReceipt> receipt = wait ? Optional.of(waitForReceipt(hash, timeout, progress)) : Optional.empty();
            return new TransactionOutcome(hash, calls.size(), quote.estimatedFee(), quote.maxFee(), receipt, network.explorerLink(hash));
        }
    }

    /** Polls for the receipt; a reverted transaction becomes the matching {@link WalletError}. */
    public TransactionReceipt waitForReceipt(Felt hash, Duration timeout, Progress progress) {
        Instant deadline = Instant.now().plus(timeout);
        long pause = 200;
        while (true) {
            try {
                TransactionReceipt receipt = guard(() -> rpc.getTransactionReceipt(hash));
                if (!receipt.isSucceeded()) {
                    String reason = receipt.revertReason().orElse("no reason given");
                    WalletError.Code code = RevertReason.find(reason).map(WalletService::codeFor).orElse(WalletError.Code.TRANSACTION_REVERTED);
                    throw new WalletError(code, "Transaction " + hash.toHex() + " reverted: "
                            + RevertReason.find(reason).map(RevertReason::text).orElse(reason),
                            "The fee was paid; nothing else changed. Check the policy with: cavos policy show");
                }
                progress.step("Accepted on L2 in block " + receipt.blockNumber());
                return receipt;
            } catch (RpcException.NodeError e) {
                if (!e.is(StarknetErrorCode.TXN_HASH_NOT_FOUND)) {
                    throw e;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new WalletError(WalletError.Code.TRANSACTION_TIMEOUT, "Transaction " + hash.toHex() + " was sent but not yet included after "
                        + timeout.toSeconds() + " s.", "Check it later with: cavos tx status " + hash.toHex());
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WalletError(WalletError.Code.TRANSACTION_TIMEOUT, "Stopped waiting for transaction " + hash.toHex() + ".",
                        "Check it with: cavos tx status " + hash.toHex(), e);
            }
            pause = Math.min(3000, pause * 3 / 2);
        }
    }

    /** Revokes this session on chain ({@code revoke_session} on the account itself). */
    public TransactionOutcome revoke(boolean wait, Duration timeout, Progress progress) {
        return execute(List.of(CavosAccount.revokeSession(token.walletAddress(), token.sessionPublicKey())), wait, timeout, progress);
    }

    /** Revokes every session of the account ({@code emergency_revoke}). */
    public TransactionOutcome revokeAll(boolean wait, Duration timeout, Progress progress) {
        return execute(List.of(CavosAccount.emergencyRevoke(token.walletAddress())), wait, timeout, progress);
    }

    /** A renewal: the transaction and the new session; the caller stores the new token where the old one was. */
    public record Renewal(TransactionOutcome outcome, SessionToken newToken) {
    }

    /**
     * Renews an expired session inside its grace window: a new key, the same policy and duration, signed by
     * the old key as the account requires. Returns once the renewal is accepted.
     */
    public Renewal renew(Duration timeout, Progress progress) {
        WalletSnapshot snapshot = snapshot();
        SessionStatus status = status(snapshot);
        switch (status.state()) {
            case ACTIVE, EXPIRING_SOON, NOT_YET_ACTIVE -> throw new WalletError(WalletError.Code.RENEWAL_NOT_NEEDED,
                    "Session is still active (" + remaining(status.secondsLeft()) + " remaining). Renewal is only needed after expiry.",
                    "Renew after " + UTC.format(Instant.ofEpochSecond(status.validUntil())) + ".");
            case EXPIRED -> throw new WalletError(WalletError.Code.RENEWAL_PERIOD_EXPIRED,
                    "Renewal period expired on " + UTC.format(Instant.ofEpochSecond(status.renewalDeadline())) + ".", NEW_SESSION_HINT);
            case REVOKED, NOT_REGISTERED -> throw sessionError(status);
            case EXPIRED_RENEWABLE -> { }
        }
        long now = snapshot.chainTime();
        long duration = Math.max(3600, Math.min(24 * 3600, token.validUntil() - token.validAfter() - 3600));
        SessionToken next = SessionToken.builder(StarkCurve.randomPrivateKey(new SecureRandom()), token.walletAddress())
                .validity(now - 3600, now + duration, now + duration + CavosAccount.RENEWAL_GRACE_SECONDS)
                .randomness(Felt.of(new BigInteger(248, new SecureRandom())))
                .addressSeed(token.addressSeed()).appSalt(token.appSalt()).walletName(token.walletName())
                .policy(token.policy()).network(token.network()).chainId(token.chainId()).rpcUrl(token.rpcUrl())
                .build();
        SessionPolicy policy = next.effectivePolicy();
        StarkCurve.Signature approval = token.sign(CavosAccount.renewalMessage(next.sessionPublicKey(), next.nonce(), next.validAfter(),
                next.validUntil(), next.renewalDeadlineHint(), policy.allowedContractsRoot(), policy.maxCallsPerTx()));
        Call renewal = CavosAccount.renewSession(token.walletAddress(), new CavosAccount.Renewal(token.sessionPublicKey(), approval.r(),
                approval.s(), next.sessionPublicKey(), next.nonce(), next.validAfter(), next.validUntil(), next.renewalDeadlineHint(),
                policy.allowedContractsRoot(), policy.maxCallsPerTx(), policy.spendingLimits()));
        progress.step("Estimating the fee");
        FeeQuote quote = quote(snapshot.nonce(), List.of(renewal));
        checkFunds(snapshot, List.of(renewal), quote);
        InvokeV3 signed = SessionTransaction.sign(token, network.chainId(), snapshot.nonce(), List.of(renewal), quote.bounds());
        Felt hash = signed.hash(network.chainId());
        progress.step("Sending the renewal");
        try {
            guard(() -> rpc.addInvokeTransaction(signed));
        } catch (RpcException.NodeError e) {
            throw rejected(e);
        }
        progress.submitted(hash);
        TransactionReceipt receipt = waitForReceipt(hash, timeout, progress);
        store.ifPresent(s -> s.addCalls(token.sessionPublicKey(), 1));
        return new Renewal(new TransactionOutcome(hash, 1, quote.estimatedFee(), quote.maxFee(), Optional.of(receipt),
                network.explorerLink(hash)), next);
    }

    // ---------------------------------------------------------------- checks

    /** The account's rules, checked locally with fresh chain data, in the order the account checks them. */
    void preflight(WalletSnapshot snapshot, List<Call> calls) {
        SessionStatus status = status(snapshot);
        if (!status.state().canTransact()) {
            throw sessionError(status);
        }
        OnChainSession onChain = snapshot.session();
        if (calls.size() > onChain.maxCallsPerTx()) {
            throw new WalletError(WalletError.Code.TOO_MANY_CALLS, "Too many calls in transaction (" + calls.size() + "; this session allows "
                    + onChain.maxCallsPerTx() + ").", "Split the calls into transactions of at most " + onChain.maxCallsPerTx() + ".");
        }
        SessionPolicy policy = token.effectivePolicy();
        if (!onChain.allowedContractsRoot().isZero()) {
            AllowList allowList = policy.allowList();
            for (Call call : calls) {
                if (call.to().equals(token.walletAddress())) {
                    if (call.selector().equals(CavosAccount.UPGRADE)) {
                        throw new WalletError(WalletError.Code.CONTRACT_NOT_ALLOWED, "Session keys cannot upgrade contract",
                                "Upgrade the account from the Cavos dashboard.");
                    }
                    continue;
                }
                if (!AllowList.verify(onChain.allowedContractsRoot(), call.to(), allowList.proof(call.to()))) {
                    throw new WalletError(WalletError.Code.CONTRACT_NOT_ALLOWED, "Contract not allowed by policy",
                            knownName(call.to()) + " is not among the contracts this session may call ("
                                    + policy.allowedContracts().stream().map(this::knownName).collect(Collectors.joining(", "))
                                    + "). Create a session whose policy includes it.");
                }
            }
        }
        Map<Felt, U256> spending = new LinkedHashMap<>();
        for (Call call : calls) {
            if (!call.selector().equals(TRANSFER) && !call.selector().equals(APPROVE)) {
                continue;
            }
            if (call.calldata().size() < 3 || call.calldata().get(1).value().bitLength() > 128 || call.calldata().get(2).value().bitLength() > 128) {
                throw new WalletError(WalletError.Code.INVALID_CALLDATA, "Invalid ERC-20 calldata for " + knownName(call.to())
                        + ": expected recipient, amount low, amount high.", "Pass the amount as u256 (low, high).");
            }
            spending.merge(call.to(), U256.ofParts(call.calldata().get(1), call.calldata().get(2)), U256::add);
        }
        if (!policy.hasSpendingLimits() || spending.isEmpty()) {
            return;
        }
        for (var entry : spending.entrySet()) {
            SpendingLimit limit = policy.limitFor(entry.getKey()).orElseThrow(() -> new WalletError(WalletError.Code.TOKEN_NOT_IN_POLICY,
                    "Token not in spending policy: " + knownName(entry.getKey()) + ".",
                    "This session may move only " + policy.spendingLimits().stream().map(l -> knownName(l.token()))
                            .collect(Collectors.joining(", ")) + "."));
            U256 spent = snapshot.spent().getOrDefault(entry.getKey(), U256.ZERO);
            if (spent.add(entry.getValue()).compareTo(limit.limit()) > 0) {
                SpendingUsage usage = new SpendingUsage(limit.token(), Token.byAddress(limit.token()), spent, limit.limit());
                throw new WalletError(WalletError.Code.SPENDING_LIMIT_EXCEEDED, "Spending limit exceeded (" + usage.spentDisplay() + " used, "
                        + usage.limitDisplay() + " limit)", "At most " + usage.remaining().toAmountString(usage.decimals()) + " "
                        + usage.symbol() + " more can be sent or approved in this session. Check usage with: cavos policy show");
            }
        }
    }

    private void checkFunds(WalletSnapshot snapshot, List<Call> calls, FeeQuote quote) {
        Map<Felt, U256> moving = new LinkedHashMap<>();
        for (Call call : calls) {
            if (call.selector().equals(TRANSFER) && call.calldata().size() >= 3) {
                moving.merge(call.to(), U256.ofParts(call.calldata().get(1), call.calldata().get(2)), U256::add);
            }
        }
        moving.merge(Token.STRK.address(), U256.of(quote.maxFee()), U256::add);
        for (var entry : moving.entrySet()) {
            Optional<Balance> balance = snapshot.balance(entry.getKey());
            if (balance.isEmpty()) {
                continue; // a token the wallet does not track: the chain will tell
            }
            if (balance.get().raw().compareTo(entry.getValue()) < 0) {
                Token asset = balance.get().token();
                String needed = entry.getValue().toAmountString(asset.decimals());
                String why = asset.equals(Token.STRK)
                        ? needed + " STRK needed including up to " + U256.of(quote.maxFee()).toAmountString(18) + " STRK for the fee"
                        : needed + " " + asset.symbol() + " needed";
                throw new WalletError(WalletError.Code.INSUFFICIENT_BALANCE, "Insufficient " + asset.symbol() + " balance: " + why + ", "
                        + balance.get().display() + " " + asset.symbol() + " available.",
                        "Top up the wallet " + token.walletAddress().toHex() + " or send less.");
            }
        }
    }

    /** {@link #estimate} with a refusal turned into the matching wallet error. */
    private FeeQuote quote(Felt nonce, List<Call> calls) {
        try {
            return estimate(nonce, calls);
        } catch (RpcException.NodeError e) {
            throw rejected(e);
        }
    }

    /** Fee estimate (validation skipped, as the SDK does) and bounds with the SDK's margins. */
    private FeeQuote estimate(Felt nonce, List<Call> calls) {
        FeeEstimate estimate = guard(() -> rpc.estimateFee(List.of(SessionTransaction.estimateQuery(token, nonce, calls)), true,
                BlockId.PRE_CONFIRMED).getFirst());
        ResourceBoundsMapping bounds = new ResourceBoundsMapping(
                new ResourceBounds(estimate.l1GasConsumed().multiply(BigInteger.TWO), estimate.l1GasPrice().multiply(BigInteger.TWO)),
                new ResourceBounds(estimate.l2GasConsumed().multiply(BigInteger.TWO).add(L2_GAS_OVERHEAD),
                        estimate.l2GasPrice().multiply(BigInteger.TWO)),
                new ResourceBounds(estimate.l1DataGasConsumed().multiply(BigInteger.TWO), estimate.l1DataGasPrice().multiply(BigInteger.TWO)));
        return new FeeQuote(estimate, bounds, bounds.maxFee());
    }

    /** The account's nonce moved on between reading it and using it: nothing was sent, so trying again is safe. */
    private static boolean isStaleNonce(RpcException.NodeError e) {
        return e.is(StarknetErrorCode.INVALID_TRANSACTION_NONCE)
                || e.revertReason().orElse(e.nodeMessage()).toLowerCase(java.util.Locale.ROOT).contains("invalid transaction nonce");
    }

    /** A short random pause, so two devices that collided do not collide again in lockstep. */
    private static void pauseBeforeRetry() {
        try {
            Thread.sleep(50 + java.util.concurrent.ThreadLocalRandom.current().nextInt(200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WalletError(WalletError.Code.TRANSACTION_REJECTED, "Interrupted while retrying: nothing was sent.", "Try again.", e);
        }
    }

    private WalletError sessionError(SessionStatus status) {
        String until = UTC.format(Instant.ofEpochSecond(status.renewalDeadline()));
        return switch (status.state()) {
            case NOT_REGISTERED -> new WalletError(WalletError.Code.SESSION_NOT_REGISTERED, "Session not registered",
                    "In the Cavos dashboard, click \"Activate Session\", then export it again.");
            case REVOKED -> new WalletError(WalletError.Code.SESSION_REVOKED, "Session revoked (" + status.revocation().orElse("revoked") + ")",
                    NEW_SESSION_HINT);
            case NOT_YET_ACTIVE -> new WalletError(WalletError.Code.SESSION_NOT_YET_ACTIVE, "Session not yet active (it starts "
                    + UTC.format(Instant.ofEpochSecond(status.validAfter())) + ")", "Wait until then, or use another session.");
            case EXPIRED_RENEWABLE -> new WalletError(WalletError.Code.SESSION_EXPIRED, "Session expired",
                    "Renew it with: cavos renew (possible until " + until + ").");
            case EXPIRED -> new WalletError(WalletError.Code.SESSION_EXPIRED, "Session expired",
                    "Export a new session from the dashboard or renew the existing one (if within grace period).");
            case ACTIVE, EXPIRING_SOON -> throw new IllegalStateException("an active session is not an error");
        };
    }

    /** A node's refusal, in the account's words when it gave any. */
    private WalletError rejected(RpcException.NodeError e) {
        String text = e.revertReason().orElse(e.nodeMessage());
        Optional<RevertReason> reason = RevertReason.find(text);
        if (reason.isPresent()) {
            return new WalletError(codeFor(reason.get()), reason.get().text(), hintFor(reason.get()), e);
        }
        if (text.contains("ERC20: insufficient balance") || e.is(StarknetErrorCode.INSUFFICIENT_ACCOUNT_BALANCE)) {
            return new WalletError(WalletError.Code.INSUFFICIENT_BALANCE, "Insufficient balance: " + text, "Top up the wallet or send less.", e);
        }
        return new WalletError(WalletError.Code.TRANSACTION_REJECTED, "The node refused the transaction: " + text,
                "Nothing was sent. Check the calls, or try again with: cavos simulate …", e);
    }

    static WalletError.Code codeFor(RevertReason reason) {
        return switch (reason) {
            case SESSION_NOT_REGISTERED, OLD_SESSION_NOT_REGISTERED -> WalletError.Code.SESSION_NOT_REGISTERED;
            case SESSION_REVOKED -> WalletError.Code.SESSION_REVOKED;
            case SESSION_NOT_YET_ACTIVE -> WalletError.Code.SESSION_NOT_YET_ACTIVE;
            case SESSION_EXPIRED -> WalletError.Code.SESSION_EXPIRED;
            case TOO_MANY_CALLS -> WalletError.Code.TOO_MANY_CALLS;
            case CONTRACT_NOT_ALLOWED, CANNOT_UPGRADE -> WalletError.Code.CONTRACT_NOT_ALLOWED;
            case TOKEN_NOT_IN_POLICY -> WalletError.Code.TOKEN_NOT_IN_POLICY;
            case SPENDING_LIMIT_EXCEEDED -> WalletError.Code.SPENDING_LIMIT_EXCEEDED;
            case INVALID_ERC20_CALLDATA -> WalletError.Code.INVALID_CALLDATA;
            case RENEWAL_PERIOD_EXPIRED -> WalletError.Code.RENEWAL_PERIOD_EXPIRED;
            case OLD_SESSION_NOT_EXPIRED -> WalletError.Code.RENEWAL_NOT_NEEDED;
            default -> WalletError.Code.TRANSACTION_REJECTED;
        };
    }

    private static String hintFor(RevertReason reason) {
        return switch (reason) {
            case SESSION_EXPIRED -> "Export a new session from the dashboard or renew the existing one (if within grace period).";
            case SPENDING_LIMIT_EXCEEDED -> "Check usage with: cavos policy show";
            case CONTRACT_NOT_ALLOWED -> "Create a new session with the contract address included in the policy.";
            case SESSION_NOT_REGISTERED -> "In the Cavos dashboard, click \"Activate Session\" before exporting.";
            default -> "Nothing was sent. Check the session with: cavos session status";
        };
    }

    /** Runs a chain read or write and turns transport failures into wallet errors. */
    private static <T> T guard(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (RpcException.Transport e) {
            WalletError.Code code = e.kind() == RpcException.Transport.Kind.UNREACHABLE
                    ? WalletError.Code.NETWORK_UNREACHABLE : WalletError.Code.NETWORK_ERROR;
            throw new WalletError(code, e.getMessage(), "Check the RPC URL (--rpc-url) and your connection; for the sandbox: cavos sandbox start", e);
        }
    }

    String knownName(Felt address) {
        return knownAs(address).map(name -> name + " (" + shortHex(address) + ")").orElse(address.toHex());
    }

    private Optional<String> knownAs(Felt address) {
        return Token.byAddress(address).map(Token::symbol).or(() -> Optional.ofNullable(network.contractNames().get(address)));
    }

    private static String shortHex(Felt address) {
        String hex = address.toPaddedHex();
        return hex.substring(0, 8) + "…" + hex.substring(hex.length() - 4);
    }

    private static String describeChain(Felt chainId) {
        return Network.byChainId(chainId).map(Network::name).orElseGet(() -> {
            try {
                return chainId.toShortString();
            } catch (IllegalArgumentException e) {
                return chainId.toHex();
            }
        });
    }

    static String remaining(long seconds) {
        long s = Math.max(0, seconds);
        return (s / 3600) + "h " + (s % 3600 / 60) + "m";
    }
}
