package xyz.cavos.wallet.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Json;

/**
 * The transactions this installation sent, as {@code sent.json} in the config folder: hash, session key, wallet,
 * when it was sent, a short summary of its calls and the last status known. Nothing in it is secret. Only the
 * last {@link #KEEP} are kept; every change is a read-modify-write under the config folder's lock, so the app
 * and a script never lose each other's entries.
 */
public final class SentLog {

    /** The file in the config folder. */
    public static final String FILE = "sent.json";
    /** How many transactions are kept: the oldest go first. */
    public static final int KEEP = 500;
    /** The longest summary kept; a longer one is cut. */
    public static final int MAX_SUMMARY = 200;
    /** The longest revert reason kept; a longer one is cut. */
    public static final int MAX_REASON = 500;


    /** Where a sent transaction was when last looked at. */
    public enum Status {
        /** Sent; not seen in a block yet. */
        PENDING,
        /** In a block, executed. */
        ACCEPTED,
        /** In a block, reverted: the fee was charged, nothing else happened. */
        REVERTED
    }

    /** The most approvals one entry keeps: more than a transaction's calls can be. */
    public static final int MAX_APPROVALS = 64;

    /** An ERC-20 {@code approve} a transaction made: on which token, for which spender. */
    public record Approval(Felt token, Felt spender) {
    }

    /**
     * One sent transaction. {@code block} and {@code revertReason} once known; {@code approvals}: the {@code approve}
     * calls it made (none in entries written before they were recorded).
     */
    public record Entry(Felt hash, Felt sessionKey, Felt wallet, Instant sentAt, String summary, Status status, OptionalLong block,
            Optional<String> revertReason, List<Approval> approvals) {

        public Entry {
            summary = cut(summary, MAX_SUMMARY);
            revertReason = revertReason.map(r -> cut(r, MAX_REASON));
            approvals = List.copyOf(approvals.subList(0, Math.min(approvals.size(), MAX_APPROVALS)));
        }

        /** An entry without approvals. */
        public Entry(Felt hash, Felt sessionKey, Felt wallet, Instant sentAt, String summary, Status status, OptionalLong block,
                Optional<String> revertReason) {
            this(hash, sessionKey, wallet, sentAt, summary, status, block, revertReason, List.of());
        }

        /** The same transaction with what its receipt said. */
        public Entry with(Status now, OptionalLong inBlock, Optional<String> reason) {
            return new Entry(hash, sessionKey, wallet, sentAt, summary, now, inBlock, reason, approvals);
        }
    }

    private final Path home;

    private SentLog(Path home) {
        this.home = home;
    }

    /** The log in the config folder {@code home}; nothing is read until asked. */
    public static SentLog in(Path home) {
        return new SentLog(home);
    }

    /** Every entry kept, oldest first; none when there is no file. A damaged file is a {@link StoreException} naming it. */
    public List<Entry> entries() {
        return read();
    }

    /** Adds a sent transaction, dropping the oldest beyond {@link #KEEP}; one already there (the same hash) is replaced. */
    public void add(Entry entry) {
        change(entries -> {
            List<Entry> next = new ArrayList<>(entries.stream().filter(e -> !e.hash().equals(entry.hash())).toList());
            next.add(entry);
            return next.subList(Math.max(0, next.size() - KEEP), next.size());
        });
    }

    /** Records what became of a sent transaction; a hash not in the log is left out. */
    public void update(Felt hash, Status status, OptionalLong block, Optional<String> revertReason) {
        change(entries -> entries.stream().map(e -> e.hash().equals(hash) ? e.with(status, block, revertReason) : e).toList());
    }

    private void change(UnaryOperator<List<Entry>> change) {
        SettingsLock.update(home, FILE, () -> toJson(change.apply(read())));
    }

    private List<Entry> read() {
        return PrivateFiles.readObject(home.resolve(FILE), "list of sent transactions",
                "Delete it: it only lists the transactions sent from this computer, which the chain keeps too.", root -> {
                    JsonNode sent = root.path("sent");
                    if (!sent.isArray()) {
                        throw new IllegalArgumentException("no list");
                    }
                    List<Entry> entries = new ArrayList<>();
                    sent.forEach(e -> entries.add(entry(e)));
                    return entries.subList(Math.max(0, entries.size() - KEEP), entries.size());
                }).orElse(List.of());
    }

    private static Entry entry(JsonNode e) {
        List<Approval> approvals = new ArrayList<>();
        JsonNode approved = e.path("approvals");
        if (!approved.isMissingNode() && (!approved.isArray() || approved.size() > MAX_APPROVALS)) {
            throw new IllegalArgumentException("approvals is not a short list");
        }
        approved.forEach(a -> approvals.add(new Approval(felt(a, "token"), felt(a, "spender"))));
        return new Entry(felt(e, "hash"), felt(e, "sessionKey"), felt(e, "wallet"), Instant.ofEpochSecond(e.get("sentAt").asLong()),
                e.path("summary").asText(""), Status.valueOf(e.get("status").asText().toUpperCase(Locale.ROOT)),
                e.hasNonNull("block") ? OptionalLong.of(e.get("block").asLong()) : OptionalLong.empty(),
                e.hasNonNull("revertReason") ? Optional.of(e.get("revertReason").asText()) : Optional.empty(), approvals);
    }

    private static Felt felt(JsonNode e, String field) {
        JsonNode value = e.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + " missing");
        }
        return Felt.parse(value.asText());
    }

    private static byte[] toJson(List<Entry> entries) {
        ObjectNode root = Json.object();
        root.put("version", 1);
        ArrayNode sent = root.putArray("sent");
        for (Entry e : entries) {
            ObjectNode item = sent.addObject();
            item.put("hash", e.hash().toHex());
            item.put("sessionKey", e.sessionKey().toHex());
            item.put("wallet", e.wallet().toHex());
            item.put("sentAt", e.sentAt().getEpochSecond());
            item.put("summary", e.summary());
            item.put("status", e.status().name().toLowerCase(Locale.ROOT));
            e.block().ifPresent(b -> item.put("block", b));
            e.revertReason().ifPresent(r -> item.put("revertReason", r));
            if (!e.approvals().isEmpty()) {
                ArrayNode approvals = item.putArray("approvals");
                e.approvals().forEach(a -> approvals.addObject().put("token", a.token().toHex()).put("spender", a.spender().toHex()));
            }
        }
        return Json.prettyBytes(root);
    }

    private static String cut(String text, int max) {
        String plain = text.replaceAll("\\p{Cntrl}", " ");
        return plain.length() <= max ? plain : plain.substring(0, max - 1) + "…";
    }
}
