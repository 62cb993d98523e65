package xyz.cavos.wallet.ui.activity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.ui.Format;
import xyz.cavos.wallet.ui.Problem;
import xyz.cavos.wallet.ui.ScreenViewModel;
import xyz.cavos.wallet.ui.WalletModel;
import xyz.cavos.wallet.wallet.ActivityCursor;
import xyz.cavos.wallet.wallet.ActivityEntry;
import xyz.cavos.wallet.wallet.ActivityExport;
import xyz.cavos.wallet.wallet.ActivityPage;
import xyz.cavos.wallet.wallet.WalletService;

/**
 * Activity: the wallet's history, newest first, a page at a time (token transfers in and out with their fees, the
 * session's events, the transactions sent from this computer with their status), exported as CSV or JSON. The first
 * page is read when the screen is first shown for a session; "Load more" reads the next, older one.
 */
public final class ActivityViewModel extends ScreenViewModel {

    /** Entries read per page. */
    static final int PAGE = 25;

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The file formats the history is exported in. */
    public enum ExportFormat {
        CSV("csv", "CSV"),
        JSON("json", "JSON");

        private final String extension;
        private final String label;

        ExportFormat(String extension, String label) {
            this.extension = extension;
            this.label = label;
        }

        public String extension() {
            return extension;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One line of the table: the local time (and in full, with UTC, for a tooltip), what happened, the amount with its sign and
     * token, the other party, the status (and the reason a transaction reverted), the transaction hash and its
     * explorer link (empty where the network has no explorer).
     */
    public record Row(String time, String timeInFull, String what, String direction, String amount, String counterparty, String status,
            String reason, String hash, String link, String description) {
    }

    private final WalletModel model;
    private final ZoneId zone;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final List<ActivityEntry> entries = new ArrayList<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final Problem problem = new Problem();
    private Optional<ActivityCursor> next = Optional.empty();
    private boolean read;
    /** Counts reads: a page that arrives for an earlier read (another session, a refresh) is dropped. */
    private long generation;

    public ActivityViewModel(WalletModel model) {
        this(model, ZoneId.systemDefault());
    }

    /** With the time zone local times are shown in. */
    public ActivityViewModel(WalletModel model, ZoneId zone) {
        super(model);
        this.model = model;
        this.zone = zone;
    }

    /** The history is read once per session, when the screen is first shown for it; Refresh reads it again. */
    @Override
    protected Subscription listen() {
        if (!read && model.walletProperty().get() != null) {
            refresh();
        }
        return Subscription.EMPTY;
    }

    @Override
    protected void sessionChanged() {
        generation++;
        entries.clear();
        rows.clear();
        next = Optional.empty();
        more.set(false);
        busy.set(false);
        problem.clear();
        result.set("");
        placeholder.set("");
        read = false;
        if (isShown() && model.walletProperty().get() != null) {
            refresh();
        }
    }

    /** Reads the history again from the newest entry. */
    public void refresh() {
        WalletService wallet = model.walletProperty().get();
        if (wallet == null) {
            return;
        }
        read = true;
        long asked = ++generation;
        entries.clear();
        rows.clear();
        next = Optional.empty();
        more.set(false);
        load(wallet, asked, Optional.empty());
    }

    /** Reads the next, older page. */
    public void loadMore() {
        WalletService wallet = model.walletProperty().get();
        if (wallet == null || busy.get() || next.isEmpty()) {
            return;
        }
        load(wallet, generation, next);
    }

    /** The contacts' names, as read with the last page: the counterparty column shows them. */
    private java.util.Map<Felt, String> names = java.util.Map.of();

    private void load(WalletService wallet, long asked, Optional<ActivityCursor> after) {
        busy.set(true);
        problem.clear();
        result.set("");
        placeholder.set("Reading the history from the chain…");
        xyz.cavos.wallet.wallet.AddressBook book = model.addressBook();
        model.executor().run(() -> new Read(wallet.activity(after, PAGE), contactNames(book)), read -> {
            if (asked != generation) {
                return;
            }
            busy.set(false);
            names = read.names();
            show(read.page());
        }, e -> {
            if (asked != generation) {
                return;
            }
            busy.set(false);
            placeholder.set("The history could not be read.");
            problem.show(e);
        });
    }

    /** A page and the names of the contacts, read together off the UI thread. */
    private record Read(ActivityPage page, java.util.Map<Felt, String> names) {
    }

    /** Contacts by address; an address book that cannot be read names nobody, and the history is shown all the same. */
    private static java.util.Map<Felt, String> contactNames(xyz.cavos.wallet.wallet.AddressBook book) {
        try {
            java.util.Map<Felt, String> names = new java.util.HashMap<>();
            book.list().forEach(c -> names.put(c.address(), c.name()));
            return names;
        } catch (xyz.cavos.wallet.wallet.WalletError e) {
            return java.util.Map.of();
        }
    }

    private void show(ActivityPage page) {
        entries.addAll(page.entries());
        rows.addAll(page.entries().stream().map(this::row).toList());
        next = page.next();
        more.set(next.isPresent());
        placeholder.set(entries.isEmpty() ? (next.isPresent() ? "Nothing in the most recent blocks. Load more to look further back."
                : "No activity since this session was registered.") : "");
    }

    Row row(ActivityEntry e) {
        Instant time = e.time().orElse(null);
        String what = switch (e.kind()) {
            case TRANSACTION -> capitalised(e.description());
            default -> e.kind().label();
        };
        String amount = e.token().isEmpty() || e.raw().isEmpty() ? "" : (e.direction().equals("out") ? "−" : "+")
                + Format.exact(e.raw().get(), e.token().get().decimals(), e.symbol());
        return new Row(time == null ? "" : LOCAL.format(time.atZone(zone)), time == null ? "" : Format.time(time, zone), what, e.direction(), amount,
                e.counterparty().map(c -> c.isZero() ? "New tokens" : names.containsKey(c) ? names.get(c) + " · " + c.toPaddedHex()
                        : c.toPaddedHex()).orElse(""), e.status().label(), e.revertReason().orElse(""),
                e.transactionHash().map(Felt::toPaddedHex).orElse(""), e.explorerLink().orElse(""), e.description());
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** What is shown, as text in the format: the view saves it where the person chooses. */
    public String export(ExportFormat format) {
        return format == ExportFormat.CSV ? ActivityExport.csv(entries) : ActivityExport.json(entries);
    }

    /** A name for the exported file, with today's date. */
    public String fileName(ExportFormat format) {
        return "cavos-activity-" + java.time.LocalDate.now(zone) + "." + format.extension();
    }

    /** Saves what is shown to {@code file}, off the UI thread; says so when done, or what went wrong. */
    public void exportTo(Path file, ExportFormat format) {
        String text = export(format);
        int count = entries.size();
        problem.clear();
        result.set("");
        model.executor().run(() -> {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        }, saved -> result.set("Saved " + count + (count == 1 ? " entry" : " entries") + " as " + format.label() + " to " + saved + "."),
                e -> problem.show(new xyz.cavos.wallet.wallet.WalletError(xyz.cavos.wallet.wallet.WalletError.Code.STORAGE_ERROR,
                        "Could not save " + file + ".", "Choose a folder you can write to.")));
    }

    public ObservableList<Row> rows() {
        return rowsView;
    }

    /** True while a page is being read. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while older entries remain to be read. */
    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    /** What the table says while it has no lines: reading, nothing yet, or nothing at all. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** The outcome of an export. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public Problem problem() {
        return problem;
    }
}
