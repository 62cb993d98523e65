package xyz.cavos.wallet.wallet;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.OnChainSession;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Block;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.EmittedEvent;
import xyz.cavos.wallet.starknet.EventFilter;
import xyz.cavos.wallet.starknet.EventsPage;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.RpcBatch;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.RpcException;
import xyz.cavos.wallet.starknet.RpcRequest;
import xyz.cavos.wallet.starknet.StarknetErrorCode;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.store.SessionStore;

/**
 * Reads everything the wallet shows in one JSON-RPC batch: chain id, the pre-confirmed block, nonce, the
 * session, every known token's balance, spending per limited token and revocation events. More round trips
 * only to page events or to narrow a scan a provider refused.
 */
final class SnapshotReader {

    /** Endpoints seen to refuse {@code pre_confirmed} in this process: read at {@code latest} from the start. */
    private static final Set<URI> LATEST_ONLY = ConcurrentHashMap.newKeySet();

    private final SessionToken token;
    private final Network network;
    private final URI endpoint;
    private final RpcClient rpc;
    private final Optional<SessionStore> store;

    SnapshotReader(SessionToken token, Network network, URI endpoint, RpcClient rpc, Optional<SessionStore> store) {
        this.token = token;
        this.network = network;
        this.endpoint = endpoint;
        this.rpc = rpc;
        this.store = store;
    }

    WalletSnapshot read() {
        return ErrorTranslation.guard(endpoint, () -> {
            try {
                return readAt(tag());
            } catch (PreConfirmedRefused refused) {
                LATEST_ONLY.add(endpoint); // later reads of this endpoint stay one round trip
                return readAt((BlockId.Tag) BlockId.LATEST);
            }
        });
    }

    /** The block the wallet reads and estimates at: the pre-confirmed one, unless this endpoint refuses it. */
    BlockId.Tag tag() {
        return (BlockId.Tag) (LATEST_ONLY.contains(endpoint) ? BlockId.LATEST : BlockId.PRE_CONFIRMED);
    }

    /** Some providers answer only {@code latest}; the batch is read again there. */
    private static final class PreConfirmedRefused extends RuntimeException {
        PreConfirmedRefused() {
            super(null, null, false, false);
        }
    }

    private WalletSnapshot readAt(BlockId.Tag tag) {
        RpcBatch batch = rpc.newBatch();
        RpcBatch.Result<Felt> chainId = batch.add(RpcRequest.chainId());
        RpcBatch.Result<Block> pending = batch.add(RpcRequest.getBlockWithTxHashes(tag));
        RpcBatch.Result<Felt> nonce = batch.add(RpcRequest.getNonce(token.walletAddress(), tag));
        RpcBatch.Result<List<Felt>> session = batch.add(RpcRequest.call(
                CavosAccount.getSession(token.walletAddress(), token.sessionPublicKey()), tag));
        Map<Token, RpcBatch.Result<List<Felt>>> balances = new LinkedHashMap<>();
        for (Token known : Token.KNOWN) {
            balances.put(known, batch.add(RpcRequest.call(Call.of(known.address(), "balanceOf", List.of(token.walletAddress())),
                    tag)));
        }
        Map<Felt, RpcBatch.Result<List<Felt>>> spending = new LinkedHashMap<>();
        for (SpendingLimit limit : token.effectivePolicy().spendingLimits()) {
            spending.put(limit.token(), batch.add(RpcRequest.call(
                    CavosAccount.getSessionSpending(token.walletAddress(), token.sessionPublicKey(), limit.token()), tag)));
        }
        EventFilter revocations = new EventFilter(BlockId.number(network.firstEventBlock()), BlockId.LATEST,
                Optional.of(token.walletAddress()), List.of(List.of(CavosAccount.ALL_SESSIONS_REVOKED, CavosAccount.SESSION_REVOKED)),
                1000, Optional.empty());
        RpcBatch.Result<EventsPage> events = batch.add(RpcRequest.getEvents(revocations));
        batch.send();
        Block block;
        try {
            block = pending.get();
        } catch (RpcException.NodeError e) {
            if (tag.equals(BlockId.PRE_CONFIRMED)) {
                throw new PreConfirmedRefused();
            }
            throw e;
        }

        if (!chainId.get().equals(network.chainId())) {
            throw ErrorTranslation.chainMismatch(rpc.endpointForDisplay(), chainId.get(), network);
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
        Optional<String> revocation = revocation(onChain, events, revocations);
        long calls = store.map(s -> s.settings().callsMade(token.sessionPublicKey())).orElse(0L);
        long latest = tag.equals(BlockId.PRE_CONFIRMED) ? Math.max(0, block.blockNumber() - 1) : block.blockNumber();
        return new WalletSnapshot(network, latest, block.timestamp(), held, onChain, spent, revocation, nonce.get(), calls, tag.name());
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
}
