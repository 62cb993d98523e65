package xyz.cavos.wallet.wallet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.RpcBatch;
import xyz.cavos.wallet.starknet.RpcException;
import xyz.cavos.wallet.starknet.RpcRequest;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.store.SentLog;
import xyz.cavos.wallet.store.SessionStore;
import xyz.cavos.wallet.store.StoreException;

/**
 * The allowances the wallet gave from this installation: every {@code approve} in the log of sent transactions for this
 * wallet (by any of its sessions: an allowance belongs to the wallet), each with what the token says is left now, all
 * read in one batch. Reverted transactions approved nothing and are left out.
 */
final class AllowanceReader {

    /** Pairs of token and spender read at most: the newest. */
    static final int MAX_PAIRS = 200;

    private final SessionToken token;
    private final Endpoints endpoints;
    private final Optional<SessionStore> store;
    private final TokenRegistry registry;
    private final EndpointNetwork network;

    AllowanceReader(SessionToken token, EndpointNetwork network, Endpoints endpoints, Optional<SessionStore> store, TokenRegistry registry) {
        this.token = token;
        this.network = network;
        this.endpoints = endpoints;
        this.store = store;
        this.registry = registry;
    }

    List<Allowance> read(Optional<AddressBook> book) {
        Map<SentLog.Approval, Instant> approved = approvedHere();
        if (approved.isEmpty()) {
            return List.of();
        }
        List<Token> listed = registry.tokens(network.get().chainId());
        record Reads(SentLog.Approval pair, RpcBatch.Result<List<Felt>> allowance, Optional<SnapshotReader.MetadataReads> metadata) {
        }
        List<Reads> reads = endpoints.read((url, rpc) -> {
            RpcBatch batch = rpc.newBatch();
            List<Reads> asked = new ArrayList<>();
            Map<Felt, SnapshotReader.MetadataReads> unnamed = new LinkedHashMap<>();
            approved.keySet().forEach(pair -> {
                boolean known = listed.stream().anyMatch(t -> t.address().equals(pair.token()));
                Optional<SnapshotReader.MetadataReads> metadata = known ? Optional.empty() : Optional.of(unnamed.computeIfAbsent(pair.token(),
                        t -> SnapshotReader.MetadataReads.add(batch, t, token.walletAddress(), SnapshotReader.tag(url))));
                asked.add(new Reads(pair, batch.add(RpcRequest.call(Call.of(pair.token(), "allowance",
                        List.of(token.walletAddress(), pair.spender())), SnapshotReader.tag(url))), metadata));
            });
            batch.send();
            return asked;
        });
        List<Allowance> out = new ArrayList<>();
        for (Reads r : reads) {
            Optional<Token> asset = listed.stream().filter(t -> t.address().equals(r.pair().token())).findFirst()
                    .or(() -> r.metadata().flatMap(m -> m.entry(r.pair().token())).map(e -> TokenRegistry.token(e, true)));
            Optional<U256> left = amount(r.allowance());
            if (asset.isEmpty() || left.isEmpty()) {
                continue; // not a token the wallet can show, or no longer there
            }
            out.add(new Allowance(asset.get(), r.pair().spender(), book.flatMap(b -> nameOf(b, r.pair().spender())), left.get(),
                    approved.get(r.pair())));
        }
        out.sort(Comparator.comparing(Allowance::isOpen).reversed().thenComparing(Allowance::approvedAt, Comparator.reverseOrder()));
        return out;
    }

    /** The pairs approved from here, with the time of the last approval of each; newest first. */
    private Map<SentLog.Approval, Instant> approvedHere() {
        if (store.isEmpty()) {
            return Map.of();
        }
        List<SentLog.Entry> entries;
        try {
            entries = SentLog.in(store.get().home()).entries();
        } catch (StoreException e) {
            throw ErrorTranslation.stored(e);
        }
        Map<SentLog.Approval, Instant> approved = new LinkedHashMap<>();
        for (SentLog.Entry e : entries.reversed()) {
            if (!e.wallet().equals(token.walletAddress()) || e.status() == SentLog.Status.REVERTED) {
                continue;
            }
            for (SentLog.Approval a : e.approvals()) {
                if (approved.size() < MAX_PAIRS) {
                    approved.putIfAbsent(a, e.sentAt());
                }
            }
        }
        return approved;
    }

    private static Optional<U256> amount(RpcBatch.Result<List<Felt>> result) {
        try {
            List<Felt> raw = result.get();
            return raw.size() == 2 ? Optional.of(U256.ofParts(raw.get(0), raw.get(1))) : Optional.empty();
        } catch (RpcException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> nameOf(AddressBook book, Felt address) {
        try {
            return book.nameOf(address);
        } catch (WalletError e) {
            return Optional.empty(); // a damaged address book only hides the names
        }
    }
}
