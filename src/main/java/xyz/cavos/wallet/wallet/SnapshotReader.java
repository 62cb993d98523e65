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
import xyz.cavos.wallet.cavos.TokenMetadata;
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
import xyz.cavos.wallet.store.TokensFile;

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
    private final TokenRegistry registry;

    /** How far back the renewal chain's spending is read: enough for weeks of daily renewals. */
    private static final int MAX_EARLIER_KEYS = 30;

    SnapshotReader(SessionToken token, EndpointNetwork network, Endpoints endpoints, Optional<SessionStore> store, TokenRegistry registry) {
        this.token = token;
        this.network = network;
        this.endpoints = endpoints;
        this.store = store;
        this.storage = new ChainStorage(token);
        this.registry = registry;
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
        // the network is named before the first read unless only URLs were given: then the remembered tokens wait for the second batch
        Optional<Felt> knownChain = this.network.isNamed() ? Optional.of(this.network.get().chainId()) : Optional.empty();
        List<Token> listed = knownChain.map(registry::tokens).orElse(Token.KNOWN);
        Map<Token, RpcBatch.Result<U256>> balances = new LinkedHashMap<>();
        for (Token known : listed) {
            balances.put(known, batch.add(balanceRequest(known.address(), tag)));
        }
        Set<Felt> spendingTokens = new LinkedHashSet<>();
        listed.forEach(known -> spendingTokens.add(known.address())); // remembered ones too: a limit only the chain names
        token.effectivePolicy().spendingLimits().forEach(limit -> spendingTokens.add(limit.token()));
        // tokens the exported policy names that the wallet has no symbol for: their metadata rides in this batch
        Map<Felt, MetadataReads> unnamed = new LinkedHashMap<>();
        if (knownChain.isPresent()) {
            for (Felt limited : spendingTokens) {
                if (unknown(limited, listed)) {
                    unnamed.put(limited, MetadataReads.add(batch, limited, token.walletAddress(), tag));
                }
            }
        }
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
        balances.forEach((known, result) -> balance(known, result).ifPresent(held::add));
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
        List<Token> firstNamed = knownChain.isPresent() ? listed : registry.tokens(network.chainId());
        List<Token> unweighed = firstNamed.stream().filter(t -> !balances.containsKey(t)).toList(); // the network was learnt from this batch
        Map<Felt, MetadataReads> stillUnnamed = new LinkedHashMap<>();
        truth.policy().spendingLimits().stream().map(SpendingLimit::token).distinct()
                .filter(t -> !unnamed.containsKey(t) && unknown(t, firstNamed)).forEach(t -> stillUnnamed.put(t, null));
        if (!unread.isEmpty() || !unweighed.isEmpty() || !stillUnnamed.isEmpty()) {
            RpcBatch more = rpc.newBatch(); // a limit on a token neither the registry nor the token names, or a network just named: rare
            Map<Felt, RpcBatch.Result<U256>> extra = spendingRequests(more, token.sessionPublicKey(), new LinkedHashSet<>(unread), tag);
            Map<Token, RpcBatch.Result<U256>> moreBalances = new LinkedHashMap<>();
            unweighed.forEach(t -> moreBalances.put(t, more.add(balanceRequest(t.address(), tag))));
            stillUnnamed.replaceAll((address, none) -> MetadataReads.add(more, address, token.walletAddress(), tag));
            more.send();
            spent.putAll(spentAmounts(extra));
            moreBalances.forEach((t, result) -> balance(t, result).ifPresent(held::add));
            unnamed.putAll(stillUnnamed);
        }
        List<Token> tokens = firstNamed;
        if (!unnamed.isEmpty()) {
            List<TokensFile.Entry> found = new ArrayList<>();
            unnamed.forEach((address, reads) -> reads.entry(address).ifPresentOrElse(found::add, () -> registry.markUnreadable(address)));
            registry.rememberFromPolicy(network.chainId(), found);
            if (!found.isEmpty()) {
                List<Token> now = new ArrayList<>(registry.list(network.chainId(), false).stream().map(WalletToken::token).toList());
                // a symbol that could not be remembered is still shown this time
                found.stream().filter(e -> now.stream().noneMatch(t -> t.address().equals(e.address())))
                        .forEach(e -> now.add(TokenRegistry.token(e, true)));
                tokens = List.copyOf(now);
                for (TokensFile.Entry e : found) {
                    Token named = now.stream().filter(t -> t.address().equals(e.address())).findFirst().orElseThrow();
                    unnamed.get(e.address()).balance().map(raw -> new Balance(named, raw)).ifPresent(held::add);
                }
                List<Token> order = tokens;
                held.replaceAll(b -> order.stream().filter(t -> t.address().equals(b.token().address())).findFirst()
                        .map(t -> new Balance(t, b.raw())).orElse(b)); // a new token may have made an older one a look-alike
                held.sort(java.util.Comparator.comparingInt(b -> order.indexOf(b.token())));
            }
        }
        Optional<String> revocation = truth.emergencyRevoked()
                ? Optional.of("all sessions revoked (emergency revoke)")
                : !truth.registered() && settings.map(s -> s.revokedHere(token.sessionPublicKey())).orElse(false)
                        ? Optional.of("revoked from this device") : Optional.empty();
        long calls = settings.map(s -> s.callsMade(token.sessionPublicKey())).orElse(0L);
        long latest = tag.equals(BlockId.PRE_CONFIRMED) ? Math.max(0, block.blockNumber() - 1) : block.blockNumber();
        return new WalletSnapshot(network, latest, block.timestamp(), held, truth.session(), spent, revocation, nonce.get(), calls,
                tag.name(), truth.policy(), renewalChain(earlierKeys, earlierSpending), tokens);
    }

    /** Whether a token has no symbol yet and is worth asking about: not listed, not found unreadable before. */
    private boolean unknown(Felt address, List<Token> listed) {
        return listed.stream().noneMatch(t -> t.address().equals(address)) && !registry.unreadable(address);
    }

    private RpcRequest<U256> balanceRequest(Felt asset, BlockId tag) {
        return RpcRequest.call(Call.of(asset, "balanceOf", List.of(token.walletAddress())), tag, SnapshotReader::u256);
    }

    /** A balance; none for a token not deployed on this network, which is simply not listed. */
    private static Optional<Balance> balance(Token asset, RpcBatch.Result<U256> result) {
        try {
            return Optional.of(new Balance(asset, result.get()));
        } catch (RpcException.NodeError e) {
            if (!e.is(StarknetErrorCode.CONTRACT_NOT_FOUND)) {
                throw e;
            }
            return Optional.empty();
        }
    }

    /**
     * A token's {@code symbol()}, {@code decimals()} and the wallet's balance, asked in a batch. Replies are read as
     * they are, never as a malformed batch: a contract that is not an ERC-20 only stays unnamed.
     */
    record MetadataReads(RpcBatch.Result<List<Felt>> symbol, RpcBatch.Result<List<Felt>> decimals, RpcBatch.Result<List<Felt>> balanceOf) {

        static MetadataReads add(RpcBatch batch, Felt asset, Felt owner, BlockId tag) {
            return new MetadataReads(batch.add(RpcRequest.call(TokenMetadata.symbolCall(asset), tag)),
                    batch.add(RpcRequest.call(TokenMetadata.decimalsCall(asset), tag)),
                    batch.add(RpcRequest.call(Call.of(asset, "balanceOf", List.of(owner)), tag)));
        }

        /** The token as remembered, when both reads answered with values the wallet accepts. */
        Optional<TokensFile.Entry> entry(Felt asset) {
            try {
                return Optional.of(new TokensFile.Entry(asset, TokenMetadata.symbol(symbol.get()), TokenMetadata.decimals(decimals.get()),
                        TokensFile.Source.POLICY));
            } catch (RpcException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        /** The balance read beside the metadata; none when the token did not answer with a u256. */
        Optional<U256> balance() {
            try {
                List<Felt> raw = balanceOf.get();
                return raw.size() == 2 ? Optional.of(u256(raw)) : Optional.empty();
            } catch (RpcException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
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
