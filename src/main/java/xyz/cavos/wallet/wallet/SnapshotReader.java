package xyz.cavos.wallet.wallet;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.RpcBatch;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.RpcException;
import xyz.cavos.wallet.starknet.RpcRequest;
import xyz.cavos.wallet.starknet.StarknetErrorCode;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.store.SessionStore;
import xyz.cavos.wallet.store.Settings;

/**
 * Reads everything the wallet shows in one JSON-RPC batch: chain id, the pre-confirmed block, nonce,
 * {@code get_session}, every known token's balance, spending, and the account's storage (the session's
 * slots, the global revocation epoch, the spending-policy count and the first policies) with its class
 * hash, which is where the policy the account enforces is read from (see {@link ChainStorage}).
 */
final class SnapshotReader {

    /** Endpoints seen to refuse {@code pre_confirmed} in this process: read at {@code latest} from the start. */
    private static final Set<URI> LATEST_ONLY = ConcurrentHashMap.newKeySet();

    private final SessionToken token;
    private final EndpointNetwork network;
    private final Endpoints endpoints;
    private final Optional<SessionStore> store;
    private final ChainStorage storage;

    /** How far back the renewal chain's spending is read: enough for weeks of daily renewals. */
    private static final int MAX_EARLIER_KEYS = 30;

    SnapshotReader(SessionToken token, EndpointNetwork network, Endpoints endpoints, Optional<SessionStore> store) {
        this.token = token;
        this.network = network;
        this.endpoints = endpoints;
        this.store = store;
        this.storage = new ChainStorage(token);
    }

    /** One batch from the endpoint that answered last, or the next one that answers. */
    WalletSnapshot read() {
        return served().value();
    }

    /** {@link #read}, with the endpoint that served it: the one a transaction signed on it goes to. */
    Endpoints.Served<WalletSnapshot> served() {
        return endpoints.serve((endpoint, rpc) -> {
            try {
                return readAt(rpc, tag(endpoint));
            } catch (PreConfirmedRefused refused) {
                LATEST_ONLY.add(endpoint); // later reads of this endpoint stay one round trip
                return readAt(rpc, (BlockId.Tag) BlockId.LATEST);
            }
        });
    }

    /** The block the wallet reads and estimates at on this endpoint: the pre-confirmed one, unless it refuses it. */
    static BlockId.Tag tag(URI endpoint) {
        return (BlockId.Tag) (LATEST_ONLY.contains(endpoint) ? BlockId.LATEST : BlockId.PRE_CONFIRMED);
    }

    /** Some providers answer only {@code latest}; the batch is read again there. */
    private static final class PreConfirmedRefused extends RuntimeException {
        PreConfirmedRefused() {
            super(null, null, false, false);
        }
    }

    private WalletSnapshot readAt(RpcClient rpc, BlockId.Tag tag) {
        RpcBatch batch = rpc.newBatch();
        RpcBatch.Result<Felt> chainId = batch.add(RpcRequest.chainId());
        RpcBatch.Result<String> spec = batch.add(RpcRequest.specVersion());
        RpcBatch.Result<Block> pending = batch.add(RpcRequest.getBlockWithTxHashes(tag));
        RpcBatch.Result<Felt> nonce = batch.add(RpcRequest.getNonce(token.walletAddress(), tag));
        RpcBatch.Result<OnChainSession> session = batch.add(RpcRequest.call(
                CavosAccount.getSession(token.walletAddress(), token.sessionPublicKey()), tag, OnChainSession::parse));
        Map<Token, RpcBatch.Result<U256>> balances = new LinkedHashMap<>();
        for (Token known : Token.KNOWN) {
            balances.put(known, batch.add(RpcRequest.call(Call.of(known.address(), "balanceOf", List.of(token.walletAddress())), tag,
                    SnapshotReader::u256)));
        }
        Set<Felt> spendingTokens = new LinkedHashSet<>();
        Token.KNOWN.forEach(known -> spendingTokens.add(known.address()));
        token.effectivePolicy().spendingLimits().forEach(limit -> spendingTokens.add(limit.token()));
        Map<Felt, RpcBatch.Result<U256>> spending = spendingRequests(batch, token.sessionPublicKey(), spendingTokens, tag);
        Optional<Settings> settings = store.map(SessionStore::settings); // read once: renewals, revocations and calls below
        List<Felt> earlierKeys = settings.map(s -> s.renewedFrom(token.sessionPublicKey())).orElse(List.of());
        earlierKeys = earlierKeys.subList(Math.max(0, earlierKeys.size() - MAX_EARLIER_KEYS), earlierKeys.size());
        List<Map<Felt, RpcBatch.Result<U256>>> earlierSpending = new ArrayList<>();
        for (Felt earlier : earlierKeys) {
            earlierSpending.add(spendingRequests(batch, earlier, spendingTokens, tag));
        }
        ChainStorage.Reads stored = storage.add(batch, tag);
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
        String version;
        try {
            version = spec.get();
        } catch (RpcException.NodeError e) {
            version = "unknown (it does not answer starknet_specVersion)";
        }
        if (!SpecVersion.supported(version)) {
            throw new Endpoints.Unusable(EndpointVerdict.OLD_SPEC, ErrorTranslation.oldSpec(rpc.endpointForDisplay(), version));
        }
        Network network;
        if (this.network.isNamed()) {
            network = this.network.get();
            if (!chainId.get().equals(network.chainId())) {
                throw new Endpoints.Unusable(EndpointVerdict.WRONG_CHAIN,
                        ErrorTranslation.chainMismatch(rpc.endpointForDisplay(), chainId.get(), network));
            }
        } else {
            network = this.network.learn(chainId.get()); // only URLs were given: the batch names the network
        }
        List<Balance> held = new ArrayList<>();
        balances.forEach((known, result) -> {
            try {
                held.add(new Balance(known, result.get()));
            } catch (RpcException.NodeError e) {
                if (!e.is(StarknetErrorCode.CONTRACT_NOT_FOUND)) {
                    throw e; // a token not deployed on this network is simply not listed
                }
            }
        });
        OnChainSession onChain;
        try {
            onChain = session.get();
        } catch (RpcException.NodeError e) {
            if (e.is(StarknetErrorCode.CONTRACT_NOT_FOUND)) {
                throw ErrorTranslation.noAccount(token.walletAddress(), network);
            }
            throw e;
        }
        ChainStorage.Truth truth = storage.truth(rpc, stored, onChain, tag);
        Map<Felt, U256> spent = new HashMap<>(spentAmounts(spending));
        List<Felt> unread = truth.policy().spendingLimits().stream().map(SpendingLimit::token).filter(t -> !spent.containsKey(t)).toList();
        if (!unread.isEmpty()) {
            RpcBatch more = rpc.newBatch(); // a limit on a token neither the registry nor the token names: rare
            Map<Felt, RpcBatch.Result<U256>> extra = spendingRequests(more, token.sessionPublicKey(), new LinkedHashSet<>(unread), tag);
            more.send();
            spent.putAll(spentAmounts(extra));
        }
        Optional<String> revocation = truth.emergencyRevoked()
                ? Optional.of("all sessions revoked (emergency revoke)")
                : !truth.registered() && settings.map(s -> s.revokedHere(token.sessionPublicKey())).orElse(false)
                        ? Optional.of("revoked from this device") : Optional.empty();
        long calls = settings.map(s -> s.callsMade(token.sessionPublicKey())).orElse(0L);
        long latest = tag.equals(BlockId.PRE_CONFIRMED) ? Math.max(0, block.blockNumber() - 1) : block.blockNumber();
        return new WalletSnapshot(network, latest, block.timestamp(), held, truth.session(), spent, revocation, nonce.get(), calls,
                tag.name(), truth.policy(), renewalChain(earlierKeys, earlierSpending));
    }

    /** The spending of the keys this one was renewed from, added up per token. */
    private static RenewalChain renewalChain(List<Felt> earlierKeys, List<Map<Felt, RpcBatch.Result<U256>>> earlierSpending) {
        Map<Felt, U256> total = new HashMap<>();
        earlierSpending.forEach(spending -> spentAmounts(spending).forEach((tokenAddress, amount) -> total.merge(tokenAddress, amount, U256::add)));
        return new RenewalChain(earlierKeys, total);
    }

    private Map<Felt, RpcBatch.Result<U256>> spendingRequests(RpcBatch batch, Felt sessionKey, Set<Felt> tokens, BlockId tag) {
        Map<Felt, RpcBatch.Result<U256>> spending = new LinkedHashMap<>();
        for (Felt tokenAddress : tokens) {
            spending.put(tokenAddress, batch.add(RpcRequest.call(
                    CavosAccount.getSessionSpending(token.walletAddress(), sessionKey, tokenAddress), tag, SnapshotReader::u256)));
        }
        return spending;
    }

    /** A u256 result: its low and high halves. */
    private static U256 u256(List<Felt> value) {
        return U256.ofParts(value.get(0), value.get(1));
    }

    private static Map<Felt, U256> spentAmounts(Map<Felt, RpcBatch.Result<U256>> spending) {
        Map<Felt, U256> spent = new HashMap<>();
        spending.forEach((tokenAddress, result) -> spent.put(tokenAddress, result.get()));
        return spent;
    }
}
