package xyz.cavos.wallet.cavos;

import java.util.ArrayList;
import java.util.List;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Poseidon;

/**
 * The allowed-contracts Merkle tree of a session, built as the Cavos SDK builds it: leaves are
 * {@code poseidon_hash_span([address])} sorted ascending, parents {@code poseidon_hash_span([min, max])},
 * an odd last node is carried up unchanged. The account checks one proof per call against the root.
 */
public final class AllowList {

    private final List<List<Felt>> levels;

    private AllowList(List<List<Felt>> levels) {
        this.levels = levels;
    }

    public static AllowList of(List<Felt> contracts) {
        List<Felt> leaves = new ArrayList<>();
        for (Felt contract : contracts) {
            leaves.add(leaf(contract));
        }
        leaves.sort(null);
        List<List<Felt>> levels = new ArrayList<>();
        levels.add(List.copyOf(leaves));
        List<Felt> level = leaves;
        while (level.size() > 1) {
            List<Felt> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                next.add(i + 1 < level.size() ? node(level.get(i), level.get(i + 1)) : level.get(i));
            }
            levels.add(List.copyOf(next));
            level = next;
        }
        return new AllowList(List.copyOf(levels));
    }

    /** The root the account stores; zero when there is no restriction (empty list). */
    public Felt root() {
        List<Felt> top = levels.getLast();
        return top.isEmpty() ? Felt.ZERO : top.getFirst();
    }

    public boolean isEmpty() {
        return levels.getFirst().isEmpty();
    }

    /** The proof for a contract, or an empty proof when it is not in the list (the account then refuses). */
    public List<Felt> proof(Felt contract) {
        int index = levels.getFirst().indexOf(leaf(contract));
        if (index < 0) {
            return List.of();
        }
        List<Felt> proof = new ArrayList<>();
        for (int depth = 0; depth < levels.size() - 1; depth++) {
            List<Felt> level = levels.get(depth);
            int sibling = index ^ 1;
            if (sibling < level.size()) {
                proof.add(level.get(sibling));
            }
            index /= 2;
        }
        return List.copyOf(proof);
    }

    /** The account's check: fold the proof into the leaf, smaller hash first, and compare with the root. */
    public static boolean verify(Felt root, Felt contract, List<Felt> proof) {
        Felt current = leaf(contract);
        for (Felt sibling : proof) {
            current = current.compareTo(sibling) < 0 ? Poseidon.hashMany(current, sibling) : Poseidon.hashMany(sibling, current);
        }
        return current.equals(root);
    }

    static Felt leaf(Felt contract) {
        return Poseidon.hashMany(contract);
    }

    private static Felt node(Felt a, Felt b) {
        return a.compareTo(b) <= 0 ? Poseidon.hashMany(a, b) : Poseidon.hashMany(b, a);
    }
}
