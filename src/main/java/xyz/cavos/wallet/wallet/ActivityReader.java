package xyz.cavos.wallet.wallet;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.OnChainSession;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Block;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.starknet.Deadline;
import xyz.cavos.wallet.starknet.EmittedEvent;
import xyz.cavos.wallet.starknet.EventFilter;
import xyz.cavos.wallet.starknet.EventsPage;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvalidValueException;
import xyz.cavos.wallet.starknet.Json;
import xyz.cavos.wallet.starknet.RpcBatch;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.RpcException;
import xyz.cavos.wallet.starknet.RpcRequest;
import xyz.cavos.wallet.starknet.Selector;
import xyz.cavos.wallet.starknet.StarknetErrorCode;
import xyz.cavos.wallet.starknet.TransactionReceipt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.store.SentLog;
import xyz.cavos.wallet.store.SessionStore;
import xyz.cavos.wallet.store.StoreException;

/**
 * The wallet's history, read from the chain a page at a time, newest first: the ERC-20 {@code Transfer} events of
 * every token the wallet knows where the wallet sends or receives, the session's own events on the account, and the
 * transactions this installation sent (from {@link SentLog}, with the status their receipts give). Block ranges are
 * read backwards from the latest block down to the session's registration; an endpoint that refuses a range as too
 * wide is asked again with a narrower one, and what it accepted is remembered. Every read of a page shares one
 * deadline and a budget of requests: a page that runs out of either ends early and the next one goes on from there.
 */
final class ActivityReader {

    /** {@code sn_keccak("Transfer")}: an OpenZeppelin Cairo 1 ERC-20 emits keys [selector, from, to], data [low, high]. */
    static final Felt TRANSFER = Selector.of("Transfer");
    /** Where Starknet's fees go (the sequencer's address on mainnet and Sepolia): a transfer there is a fee. */
    static final Felt FEE_COLLECTOR = Felt.parse("0x1176a1bd84444c89232ec27754698e5d2e7e1a7f1539f12027f28b23ec9f3d8");
    /** The most entries one page may hold. */
    static final int MAX_LIMIT = 1000;
    /** The first block range asked for, before an endpoint said what it accepts. */
    static final long FIRST_WINDOW = 2_000;
    /** The widest block range asked for: a quiet wallet is read in steps no wider than this. */
    static final long WIDEST_WINDOW = 100_000;
    /** How far below the latest block the history goes when the session's registration block is not known. */
    static final long DEEPEST = 1_000_000;
    /** Events per request. */
    static final int CHUNK = 200;
    /** Round trips for events one page may make. */
    static final int MAX_REQUESTS = 80;
    /** How long one page may take in all. */
    static final Duration PAGE_TIME = Duration.ofSeconds(60);
    /** Pending transactions looked up per page. */
    static final int MAX_PENDING_LOOKUPS = 20;

    /** The block range each endpoint was last seen to accept, in this process. */
    private static final Map<URI, Long> ACCEPTED_WINDOW = new ConcurrentHashMap<>();
    private static final Pattern AT_MOST = Pattern.compile("(?i)(?:at most|max(?:imum)?(?: of)?|limit(?: is)?|up to)\\D{0,20}(\\d{1,9})");

    /** A source of events, in the order that places events of one transaction: the account's, then each token's out and in. */
    private static final int ACCOUNT = 0;
    /** The place of fees within their transaction: after everything else. */
    private static final int FEE_SOURCE = -2;

    private final SessionToken token;
    private final EndpointNetwork network;
    private final Endpoints endpoints;
    private final Optional<SessionStore> store;
    private final Supplier<List<Token>> tokens;

    /** {@code tokens}: the tokens whose transfers are read, asked afresh for every page (the person may add one). */
    ActivityReader(SessionToken token, EndpointNetwork network, Endpoints endpoints, Optional<SessionStore> store,
            Supplier<List<Token>> tokens) {
        this.token = token;
        this.network = network;
        this.endpoints = endpoints;
        this.store = store;
        this.tokens = tokens;
    }

    /** An entry with its place in the chain: block, transaction index (filled in from the block), source, index. */
    private static final class Found {
        ActivityEntry entry;
        final long block;
        int transaction = Integer.MAX_VALUE;
        final int source;
        final int index;

        Found(ActivityEntry entry, long block, int source, int index) {
            this.entry = entry;
            this.block = block;
            this.source = source;
            this.index = index;
        }

        Optional<Felt> hash() {
            return entry.transactionHash();
        }
    }

    /** An endpoint refused an event search over this many blocks. */
    private static final class RangeRefused extends RuntimeException {
        final OptionalLong accepted;

        RangeRefused(OptionalLong accepted) {
            super(null, null, false, false);
            this.accepted = accepted;
        }
    }

    /** The {@code limit} newest entries older than {@code after} (from now when empty). */
    ActivityPage page(Optional<ActivityCursor> after, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "A page of history holds 1 to " + MAX_LIMIT + " entries, not " + limit + ".",
                    "Ask for " + MAX_LIMIT + " or fewer.");
        }
        long deadline = Deadline.after(PAGE_TIME);
        return Deadline.within(deadline, () -> read(after, limit, deadline));
    }

    private ActivityPage read(Optional<ActivityCursor> after, int limit, long deadline) {
        Network net = network.get();
        List<Token> assets = List.copyOf(tokens.get());
        List<SentLog.Entry> sent = sentHere();
        List<Found> found = new ArrayList<>();
        long top;
        long floor;
        long window;
        if (after.isEmpty()) {
            Start start = endpoints.read((url, rpc) -> {
                RpcBatch batch = rpc.newBatch();
                RpcBatch.Result<Long> latest = batch.add(RpcRequest.blockNumber());
                RpcBatch.Result<OnChainSession> session = batch.add(RpcRequest.call(
                        CavosAccount.getSession(token.walletAddress(), token.sessionPublicKey()), BlockId.LATEST, OnChainSession::parse));
                batch.send();
                OptionalLong registered;
                try {
                    OnChainSession s = session.get();
                    registered = s.isRegistered() ? OptionalLong.of(s.registeredAt()) : OptionalLong.empty();
                } catch (RpcException.NodeError e) {
                    registered = OptionalLong.empty(); // no account, or another class: the depth bounds the search
                }
                return new Start(latest.get(), registered, ACCEPTED_WINDOW.getOrDefault(url, FIRST_WINDOW));
            });
            top = start.latest;
            floor = start.registeredAt.orElse(Math.max(0, start.latest - DEEPEST));
            window = start.window;
            sent = lookUpPending(sent);
            int order = 0;
            for (SentLog.Entry pending : sent.reversed()) {
                if (pending.block().isEmpty()) {
                    found.add(new Found(fromLog(pending, net), PENDING, -1, order--));
                }
            }
        } else {
            ActivityCursor cursor = after.get();
            top = cursor.block();
            floor = cursor.floor();
            window = cursor.window();
        }
        Map<Felt, SentLog.Entry> byHash = new HashMap<>();
        sent.forEach(e -> byHash.put(e.hash(), e));

        long high = top;
        int requests = 0;
        boolean refusedOnce = false;
        while (high >= floor && requests < MAX_REQUESTS && !Deadline.left(deadline).isZero()) {
            long low = Math.max(floor, high - window + 1);
            long to = high;
            Window read;
            try {
                read = endpoints.read((url, rpc) -> window(rpc, low, to, assets));
            } catch (RangeRefused refused) {
                window = refused.accepted.isPresent() && refused.accepted.getAsLong() < window
                        ? Math.max(1, refused.accepted.getAsLong()) : Math.max(1, window / 2);
                refusedOnce = true;
                ACCEPTED_WINDOW.put(endpoints.currentUrl(), window);
                requests++;
                continue;
            }
            requests += read.rounds();
            int before = found.size();
            OptionalLong registration = collect(read.events(), assets, byHash, net, found);
            if (registration.isPresent()) {
                floor = Math.max(floor, registration.getAsLong());
                long lowest = floor; // what came before the registration is not this session's
                found.removeIf(f -> f.block != PENDING && f.block < lowest);
            }
            high = low - 1;
            if (counted(found, after) >= limit) {
                break;
            }
            if (found.size() - before < Math.max(1, limit / 4) && !refusedOnce) {
                window = Math.min(WIDEST_WINDOW, window * 2); // a quiet range: take wider steps
            }
        }
        long scannedTo = Math.max(floor, high + 1);
        // transactions sent from here that moved nothing of the wallet's own in the range read: reverted ones, other calls
        for (SentLog.Entry entry : sent) {
            if (entry.block().isPresent() && entry.block().getAsLong() >= scannedTo && entry.block().getAsLong() <= top
                    && found.stream().noneMatch(f -> f.hash().filter(entry.hash()::equals).isPresent() && f.entry.kind() != ActivityEntry.Kind.FEE)) {
                found.add(new Found(fromLog(entry, net), entry.block().getAsLong(), -1, 0));
            }
        }
        Cut cut = cut(found, limit, after);
        List<Found> page = cut.page();
        Optional<ActivityCursor> next;
        boolean more = cut.more() || high >= floor;
        if (page.size() == limit && more && page.getLast().block != PENDING) {
            Found last = page.getLast();
            next = Optional.of(new ActivityCursor(last.block, last.transaction, last.source, last.index, window, floor));
        } else if (more) {
            // everything from the block below the last one read (or, after pending ones only, from the top) is still to come
            long from = page.size() == limit ? top : high;
            next = Optional.of(new ActivityCursor(from, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, window, floor));
        } else {
            next = Optional.empty();
        }
        return new ActivityPage(page.stream().map(f -> f.entry).toList(), next, top, scannedTo);
    }

    /** The block of entries not in a block yet (pending), above every real one. */
    private static final long PENDING = Long.MAX_VALUE;

    /** A window's events per source, and the round trips it took. */
    private record Window(List<List<EmittedEvent>> events, int rounds) {
    }

    /** The page, and whether more was found than it holds. */
    private record Cut(List<Found> page, boolean more) {
    }

    private record Start(long latest, OptionalLong registeredAt, long window) {
    }

    /** Entries found that can be on the page: all on the first page, those below the cursor's block after it. */
    private static int counted(List<Found> found, Optional<ActivityCursor> after) {
        return after.isEmpty() ? found.size() : (int) found.stream().filter(f -> f.block < after.get().block()).count();
    }

    /** The events of every source in blocks {@code from} to {@code to}: one batch, then one per round of continuation tokens. */
    private Window window(RpcClient rpc, long from, long to, List<Token> assets) {
        List<EventFilter> filters = filters(from, to, assets);
        List<List<EmittedEvent>> events = new ArrayList<>();
        Map<Integer, EventFilter> asking = new LinkedHashMap<>();
        for (int i = 0; i < filters.size(); i++) {
            events.add(new ArrayList<>());
            asking.put(i, filters.get(i));
        }
        int rounds = 0;
        while (!asking.isEmpty()) {
            RpcBatch batch = rpc.newBatch();
            Map<Integer, RpcBatch.Result<EventsPage>> results = new LinkedHashMap<>();
            asking.forEach((i, filter) -> results.put(i, batch.add(RpcRequest.getEvents(filter))));
            batch.send();
            rounds++;
            Map<Integer, EventFilter> more = new LinkedHashMap<>();
            for (var result : results.entrySet()) {
                EventsPage page;
                try {
                    page = result.getValue().get();
                } catch (RpcException.NodeError e) {
                    if (refusesRange(e) && to > from) {
                        throw new RangeRefused(acceptedRange(e));
                    }
                    throw e;
                }
                int source = result.getKey();
                EventFilter asked = asking.get(source);
                events.get(source).addAll(page.events());
                page.continuationToken().ifPresent(next -> more.put(source, asked.next(next)));
            }
            asking = more;
            if (rounds >= MAX_REQUESTS) {
                break; // a window this busy is cut short rather than read for ever; a narrower one follows
            }
        }
        return new Window(events, rounds);
    }

    /** The account's session events, then each token's transfers out of and into the wallet. */
    private List<EventFilter> filters(long from, long to, List<Token> assets) {
        Felt wallet = token.walletAddress();
        List<EventFilter> filters = new ArrayList<>();
        filters.add(new EventFilter(BlockId.number(from), BlockId.number(to), Optional.of(wallet),
                List.of(List.of(CavosAccount.SESSION_REGISTERED, CavosAccount.SESSION_REVOKED, CavosAccount.ALL_SESSIONS_REVOKED)), CHUNK,
                Optional.empty()));
        for (Token known : assets) {
            filters.add(new EventFilter(BlockId.number(from), BlockId.number(to), Optional.of(known.address()),
                    List.of(List.of(TRANSFER), List.of(wallet)), CHUNK, Optional.empty()));
            filters.add(new EventFilter(BlockId.number(from), BlockId.number(to), Optional.of(known.address()),
                    List.of(List.of(TRANSFER), List.of(), List.of(wallet)), CHUNK, Optional.empty()));
        }
        return filters;
    }

    /**
     * A refusal that names the request, not the chain: too wide a range, as providers word it ("invalid params",
     * "block range", "too many blocks"). Errors that mean something else are passed on.
     */
    private static boolean refusesRange(RpcException.NodeError e) {
        return !(e.is(StarknetErrorCode.PAGE_SIZE_TOO_BIG) || e.is(StarknetErrorCode.INVALID_CONTINUATION_TOKEN)
                || e.is(StarknetErrorCode.TOO_MANY_KEYS_IN_FILTER) || e.is(StarknetErrorCode.BLOCK_NOT_FOUND)
                || e.is(StarknetErrorCode.CONTRACT_NOT_FOUND));
    }

    /** The widest range the refusal names ("… allows at most 5"), if it names one. */
    private static OptionalLong acceptedRange(RpcException.NodeError e) {
        String said = e.getMessage() + " " + (e.data() == null ? "" : Json.write(e.data()));
        Matcher m = AT_MOST.matcher(said);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** Turns a window's events into entries; the block of this session's registration when it is among them. */
    private OptionalLong collect(List<List<EmittedEvent>> events, List<Token> assets, Map<Felt, SentLog.Entry> byHash, Network net,
            List<Found> found) {
        OptionalLong registration = OptionalLong.empty();
        for (int source = 0; source < events.size(); source++) {
            Map<String, Integer> perTransaction = new HashMap<>();
            for (EmittedEvent event : events.get(source)) {
                if (event.blockNumber().isEmpty() || event.transactionHash().isEmpty()) {
                    continue; // not in a block yet: the next look will find it there
                }
                long block = event.blockNumber().getAsLong();
                Felt hash = event.transactionHash().get();
                int index = perTransaction.merge(hash.toHex(), 1, Integer::sum) - 1;
                Optional<ActivityEntry> entry = source == ACCOUNT ? sessionEvent(event, hash, byHash, net)
                        : transfer(event, assets.get((source - 1) / 2), (source - 1) % 2 == 0, hash, byHash, net);
                if (entry.isEmpty()) {
                    continue;
                }
                if (entry.get().kind() == ActivityEntry.Kind.SESSION_REGISTERED) {
                    registration = OptionalLong.of(block);
                }
                // a transaction's fee goes below what it did, and below the line of a transaction sent from here
                Found f = new Found(entry.get(), block, entry.get().kind() == ActivityEntry.Kind.FEE ? FEE_SOURCE : source, index);
                found.add(f);
            }
        }
        return registration;
    }

    private Optional<ActivityEntry> sessionEvent(EmittedEvent event, Felt hash, Map<Felt, SentLog.Entry> byHash, Network net) {
        if (event.keys().isEmpty()) {
            return Optional.empty();
        }
        Felt selector = event.keys().getFirst();
        Felt key = token.sessionPublicKey();
        Optional<Felt> subject = event.data().isEmpty() ? Optional.empty() : Optional.of(event.data().getFirst());
        ActivityEntry.Kind kind;
        String description;
        if (selector.equals(CavosAccount.SESSION_REGISTERED) && subject.filter(key::equals).isPresent()) {
            kind = ActivityEntry.Kind.SESSION_REGISTERED;
            description = "This session (" + CallSummary.shortHex(key) + ") was registered on the account";
        } else if (selector.equals(CavosAccount.SESSION_REGISTERED) && subject.isPresent()
                && Optional.ofNullable(byHash.get(hash)).filter(e -> e.sessionKey().equals(key)).isPresent()) {
            kind = ActivityEntry.Kind.SESSION_RENEWED;
            description = "This session was renewed into a new key (" + CallSummary.shortHex(subject.get()) + ")";
        } else if (selector.equals(CavosAccount.SESSION_REVOKED) && subject.filter(key::equals).isPresent()) {
            kind = ActivityEntry.Kind.SESSION_REVOKED;
            description = "This session was revoked on the account";
        } else if (selector.equals(CavosAccount.ALL_SESSIONS_REVOKED)) {
            kind = ActivityEntry.Kind.ALL_SESSIONS_REVOKED;
            description = "Every session of the account was revoked (emergency revoke)";
        } else {
            return Optional.empty(); // another session of the same wallet
        }
        return Optional.of(new ActivityEntry(kind, ActivityEntry.Status.ACCEPTED, event.blockNumber(), Optional.empty(), Optional.of(hash),
                Optional.empty(), Optional.empty(), Optional.empty(), description, Optional.empty(), net.explorerLink(hash)));
    }

    private Optional<ActivityEntry> transfer(EmittedEvent event, Token asset, boolean out, Felt hash, Map<Felt, SentLog.Entry> byHash,
            Network net) {
        if (event.keys().size() != 3 || event.data().size() != 2) {
            return Optional.empty(); // not the Cairo 1 ERC-20 layout
        }
        U256 amount;
        try {
            amount = U256.ofParts(event.data().get(0), event.data().get(1));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
        Felt other = out ? event.keys().get(2) : event.keys().get(1);
        boolean fee = out && asset.equals(Token.STRK) && other.equals(FEE_COLLECTOR);
        ActivityEntry.Kind kind = fee ? ActivityEntry.Kind.FEE : out ? ActivityEntry.Kind.SENT : ActivityEntry.Kind.RECEIVED;
        Optional<SentLog.Entry> mine = Optional.ofNullable(byHash.get(hash));
        ActivityEntry.Status status = mine.filter(e -> e.status() == SentLog.Status.REVERTED).isPresent()
                ? ActivityEntry.Status.REVERTED : ActivityEntry.Status.ACCEPTED;
        String description = fee ? "Network fee" + mine.map(e -> " for: " + e.summary()).orElse("")
                : (out ? "Sent to " : "Received from ") + other.toHex();
        return Optional.of(new ActivityEntry(kind, status, event.blockNumber(), Optional.empty(), Optional.of(hash), Optional.of(asset),
                Optional.of(amount), Optional.of(other), description,
                status == ActivityEntry.Status.REVERTED ? mine.flatMap(SentLog.Entry::revertReason) : Optional.empty(),
                net.explorerLink(hash)));
    }

    private static ActivityEntry fromLog(SentLog.Entry e, Network net) {
        ActivityEntry.Status status = switch (e.status()) {
            case PENDING -> ActivityEntry.Status.PENDING;
            case ACCEPTED -> ActivityEntry.Status.ACCEPTED;
            case REVERTED -> ActivityEntry.Status.REVERTED;
        };
        return new ActivityEntry(ActivityEntry.Kind.TRANSACTION, status, e.block(),
                e.block().isEmpty() ? Optional.of(e.sentAt()) : Optional.empty(), Optional.of(e.hash()), Optional.empty(), Optional.empty(),
                Optional.empty(), e.summary().isEmpty() ? "Sent from this computer" : e.summary(), e.revertReason(),
                net.explorerLink(e.hash()));
    }

    /** The transactions this installation sent from this wallet, oldest first. */
    private List<SentLog.Entry> sentHere() {
        if (store.isEmpty()) {
            return List.of();
        }
        try {
            return SentLog.in(store.get().home()).entries().stream().filter(e -> e.wallet().equals(token.walletAddress())).toList();
        } catch (StoreException e) {
            throw ErrorTranslation.stored(e);
        }
    }

    /** Asks for the receipts of the newest transactions still pending in the log, and notes what became of them. */
    private List<SentLog.Entry> lookUpPending(List<SentLog.Entry> sent) {
        List<SentLog.Entry> pending = sent.stream().filter(e -> e.status() == SentLog.Status.PENDING).toList();
        pending = pending.subList(Math.max(0, pending.size() - MAX_PENDING_LOOKUPS), pending.size());
        if (pending.isEmpty()) {
            return sent;
        }
        List<SentLog.Entry> asked = pending;
        Map<Felt, TransactionReceipt> receipts = endpoints.read((url, rpc) -> {
            RpcBatch batch = rpc.newBatch();
            Map<Felt, RpcBatch.Result<TransactionReceipt>> results = new LinkedHashMap<>();
            asked.forEach(e -> results.put(e.hash(), batch.add(RpcRequest.getTransactionReceipt(e.hash()))));
            batch.send();
            Map<Felt, TransactionReceipt> got = new HashMap<>();
            results.forEach((hash, result) -> {
                try {
                    got.put(hash, result.get());
                } catch (RpcException.NodeError e) {
                    // not known yet (TXN_HASH_NOT_FOUND), or not answered: still pending
                }
            });
            return got;
        });
        List<SentLog.Entry> now = new ArrayList<>();
        for (SentLog.Entry e : sent) {
            TransactionReceipt receipt = receipts.get(e.hash());
            if (receipt == null) {
                now.add(e);
                continue;
            }
            SentLog.Entry settled = e.with(receipt.isSucceeded() ? SentLog.Status.ACCEPTED : SentLog.Status.REVERTED,
                    OptionalLong.of(receipt.blockNumber()), receipt.revertReason());
            now.add(settled);
            try {
                SentLog.in(store.orElseThrow().home()).update(settled.hash(), settled.status(), settled.block(), settled.revertReason());
            } catch (StoreException ex) {
                // the receipt is shown; the log learns it next time
            }
        }
        return now;
    }

    /**
     * The newest {@code limit} of what was found: pending ones first, then by block, transaction, source and index,
     * each with its block's time. The blocks of the entries kept are read in one batch for their times and
     * the order of their transactions.
     */
    private Cut cut(List<Found> found, int limit, Optional<ActivityCursor> after) {
        List<Found> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.<Found>comparingLong(f -> f.block).reversed());
        // the blocks the page needs: those of the first entries up to the limit, whole, and the cursor's own
        List<Long> blocks = new ArrayList<>();
        int counted = 0;
        boolean unread = false;
        for (Found f : sorted) {
            boolean newBlock = blocks.isEmpty() || blocks.getLast() != f.block;
            if (counted >= limit && newBlock) {
                unread = true;
                break;
            }
            if (f.block != PENDING && newBlock) {
                blocks.add(f.block);
            }
            if (after.isEmpty() || f.block < after.get().block()) {
                counted++;
            }
        }
        Map<Long, Block> headers = headers(blocks);
        List<Found> placed = new ArrayList<>();
        for (Found f : sorted) {
            Block header = headers.get(f.block);
            if (f.block != PENDING && header == null) {
                continue;
            }
            if (header != null) {
                f.hash().ifPresent(hash -> {
                    int at = header.transactionHashes().indexOf(hash);
                    f.transaction = at < 0 ? Integer.MAX_VALUE - 1 : at;
                });
                f.entry = withTime(f.entry, Instant.ofEpochSecond(header.timestamp()));
            }
            if (after.isEmpty() || after.get().isOlder(f.block, f.transaction, f.source, f.index)) {
                placed.add(f);
            }
        }
        placed.sort(Comparator.<Found>comparingLong(f -> f.block).thenComparingInt(f -> f.transaction).thenComparingInt(f -> f.source)
                .thenComparingInt(f -> f.index).reversed());
        return new Cut(List.copyOf(placed.subList(0, Math.min(limit, placed.size()))), unread || placed.size() > limit);
    }

    private Map<Long, Block> headers(List<Long> blocks) {
        if (blocks.isEmpty()) {
            return Map.of();
        }
        return endpoints.read((url, rpc) -> {
            RpcBatch batch = rpc.newBatch();
            Map<Long, RpcBatch.Result<Block>> results = new LinkedHashMap<>();
            blocks.forEach(n -> results.put(n, batch.add(RpcRequest.getBlockWithTxHashes(BlockId.number(n)))));
            batch.send();
            Map<Long, Block> got = new HashMap<>();
            results.forEach((n, result) -> got.put(n, result.get()));
            return got;
        });
    }

    private static ActivityEntry withTime(ActivityEntry e, Instant time) {
        return new ActivityEntry(e.kind(), e.status(), e.block(), Optional.of(time), e.transactionHash(), e.token(), e.raw(),
                e.counterparty(), e.description(), e.revertReason(), e.explorerLink());
    }
}
