package xyz.cavos.wallet.ui.settings;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;
import xyz.cavos.wallet.ui.Confirmations;
import xyz.cavos.wallet.ui.Problem;
import xyz.cavos.wallet.ui.ScreenViewModel;
import xyz.cavos.wallet.ui.WalletModel;
import xyz.cavos.wallet.wallet.EndpointCheck;
import xyz.cavos.wallet.wallet.EndpointReport;
import xyz.cavos.wallet.wallet.EndpointVerdict;
import xyz.cavos.wallet.wallet.Network;
import xyz.cavos.wallet.wallet.NetworkSettings;
import xyz.cavos.wallet.wallet.WalletError;
import xyz.cavos.wallet.wallet.WalletService;
import xyz.cavos.wallet.wallet.WalletSnapshot;

/**
 * Settings: the network used for a session that does not name one; each network's endpoints in the order
 * they are tried (add, remove, move, back to the defaults), checked on demand; the theme. Reading and
 * changing the settings (the keychain holds keyed URLs) and the check run through the {@link
 * xyz.cavos.wallet.ui.UiExecutor}; after a change the wallet connects again on its next refresh.
 */
public final class SettingsViewModel extends ScreenViewModel {

    /** How a verdict looks: it works, it may come back (rate-limited, unreachable), or it will not work as it is. */
    public enum Tone { GOOD, WARN, BAD }

    /** One endpoint of the list at its place (from 0): how it is shown, a default, its URL kept in the keychain. */
    public record EndpointRow(int index, String shown, boolean builtIn, boolean inKeychain) {
    }

    /** One endpoint's check, in words; a fact not found out is "—", {@code problem} is empty when it works. */
    public record CheckRow(int position, String endpoint, String verdict, Tone tone, String chain, String spec, String latency,
            String batches, String preConfirmed, String problem) {
    }

    static final Confirmations.Question RESET = new Confirmations.Question("Reset endpoints", "Go back to the default endpoints?",
            "Your list for this network is forgotten; endpoints kept in the keychain are removed from it.", "Reset",
            "confirm-reset-endpoints", false);

    private final WalletModel model;
    private final BooleanProperty dark;
    private final Confirmations confirmations;
    private final NetworkSettings settings;

    private final ReadOnlyObjectWrapper<Network> defaultNetwork = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Network> network = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper sessionNetwork = new ReadOnlyStringWrapper("");
    private final ObservableList<EndpointRow> endpoints = FXCollections.observableArrayList();
    private final ObservableList<EndpointRow> endpointsView = FXCollections.unmodifiableObservableList(endpoints);
    private final ReadOnlyBooleanWrapper usesDefaults = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper listNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ownEndpoint = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyBooleanWrapper canMoveUp = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canMoveDown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRemove = new ReadOnlyBooleanWrapper();
    private final StringProperty newUrl = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper addError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final Problem problem = new Problem();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ObservableList<CheckRow> results = FXCollections.observableArrayList();
    private final ObservableList<CheckRow> resultsView = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyStringWrapper checkSummary = new ReadOnlyStringWrapper("");
    /** Which load or edit of the list is the newest; older results are dropped. */
    private long listVersion;
    /** Which check is the newest; a check of a list that changed since is dropped. */
    private long checkVersion;
    /** The network of the last session seen here. */
    private Optional<Network> seenSessionNetwork = Optional.empty();

    /** {@code dark} is the app's theme, as the shell keeps it. */
    public SettingsViewModel(WalletModel model, BooleanProperty dark, Confirmations confirmations) {
        super(model);
        this.model = model;
        this.dark = dark;
        this.confirmations = confirmations;
        this.settings = NetworkSettings.open(model.store().home());
        network.addListener((obs, old, now) -> {
            showOwnEndpoint();
            if (now != null && now != old) {
                forgetCheck();
                addError.set("");
                selected.set(-1);
                reload(-1);
            }
        });
        newUrl.addListener((obs, old, now) -> addError.set(""));
        selected.addListener((obs, old, now) -> updateActions());
        busy.addListener((obs, old, now) -> updateActions());
    }

    /** Each time the screen is shown, the settings are read again (the command line may have changed them). */
    @Override
    protected Subscription listen() {
        Subscription session = model.snapshotProperty().subscribe(this::showSession);
        load();
        return session;
    }

    private void showSession(WalletSnapshot snapshot) {
        sessionNetwork.set(snapshot == null ? "" : "The session in use is on " + snapshot.network().name() + ".");
        Optional<Network> on = Optional.ofNullable(snapshot).flatMap(s -> Network.byName(s.network().name()));
        if (on.isPresent() && !on.equals(seenSessionNetwork)) {
            seenSessionNetwork = on;
            if (network.get() != null) {
                network.set(on.get()); // a session on another network came: its list is the one that matters now
            }
        }
        showOwnEndpoint();
    }

    /**
     * A session that brings an endpoint of its own tries it after the person's list, or before the defaults when
     * there is no list: said under the list of its network.
     */
    private void showOwnEndpoint() {
        if (model.endpointsGivenAtStart()) {
            ownEndpoint.set("This app was started with endpoints of its own: they are used instead of these lists until it is "
                    + "started without them.");
            return;
        }
        WalletService wallet = model.walletProperty().get();
        WalletSnapshot snapshot = model.snapshotProperty().get();
        Optional<String> own = wallet == null || snapshot == null || network.get() == null
                || !snapshot.network().name().equals(network.get().name()) ? Optional.empty()
                : wallet.token().rpcUrl().flatMap(SettingsViewModel::shown);
        String when = usesDefaults.get() ? "tried before these defaults" : "tried after this list";
        ownEndpoint.set(own.map(url -> "The session in use brings its own endpoint, " + url + ", " + when + ".").orElse(""));
    }

    private static Optional<String> shown(String url) {
        try {
            return Optional.of(EndpointCheck.shown(java.net.URI.create(url.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void load() {
        model.executor().run(settings::network, chosen -> {
            defaultNetwork.set(chosen.orElse(null));
            if (network.get() == null) {
                // first shown: the session's network, else the one chosen, else mainnet
                WalletSnapshot snapshot = model.snapshotProperty().get();
                network.set(Optional.ofNullable(snapshot).map(WalletSnapshot::network).flatMap(n -> Network.byName(n.name()))
                        .or(() -> chosen).orElse(Network.MAINNET));
            } else {
                reload(selected.get());
            }
        }, problem::show);
    }

    private record Listing(List<NetworkSettings.Endpoint> endpoints, boolean defaults) {
    }

    private Listing listing(Network on) {
        return new Listing(settings.endpoints(on), settings.usesDefaults(on));
    }

    /** Reads the list of the network shown, then selects {@code select} (-1: nothing). */
    private void reload(int select) {
        Network on = network.get();
        long mine = ++listVersion;
        model.executor().run(() -> listing(on), read -> {
            if (mine == listVersion) {
                show(on, read, select);
            }
        }, problem::show);
    }

    private void show(Network on, Listing listing, int select) {
        List<NetworkSettings.Endpoint> list = listing.endpoints();
        endpoints.setAll(java.util.stream.IntStream.range(0, list.size())
                .mapToObj(i -> new EndpointRow(i, list.get(i).shown(), list.get(i).builtIn(), list.get(i).inKeychain())).toList());
        usesDefaults.set(listing.defaults());
        listNote.set(listing.defaults()
                ? "The defaults for " + on.name() + ", tried in this order. Adding, removing or moving one makes the list your own."
                : "Your list for " + on.name() + ", tried in this order: the first that answers is used.");
        selected.set(Math.min(select, endpoints.size() - 1));
        showOwnEndpoint();
        updateActions();
    }

    private void updateActions() {
        int at = selected.get();
        boolean free = !busy.get();
        canMoveUp.set(free && at > 0 && at < endpoints.size());
        canMoveDown.set(free && at >= 0 && at < endpoints.size() - 1);
        canRemove.set(free && at >= 0 && at < endpoints.size() && endpoints.size() > 1);
    }

    /** The endpoint picked in the list (-1: none), for Remove and Move. */
    public void select(int index) {
        selected.set(index >= 0 && index < endpoints.size() ? index : -1);
    }

    /** Chooses the network used for a session that does not name its own; the list shown follows it. */
    public void chooseNetwork(Network chosen) {
        if (chosen == null || chosen.equals(defaultNetwork.get())) {
            return;
        }
        problem.clear();
        model.executor().run(() -> {
            settings.setNetwork(Optional.of(chosen.name()));
            return chosen;
        }, done -> {
            defaultNetwork.set(done);
            model.settingsChanged();
            network.set(done);
        }, problem::show);
    }

    /** Adds the URL typed at the end of the list; a URL the wallet refuses is explained under the field and changes nothing. */
    public void add() {
        String url = newUrl.get() == null ? "" : newUrl.get().strip();
        if (url.isEmpty() || busy.get()) {
            return;
        }
        if (endpoints.stream().anyMatch(e -> !e.inKeychain() && e.shown().equals(url))) {
            addError.set("That endpoint is already in the list.");
            return;
        }
        edit(on -> settings.addEndpoint(on, url), Integer.MAX_VALUE, () -> newUrl.set(""), e -> {
            if (e instanceof WalletError w && w.code() == WalletError.Code.INVALID_ARGUMENT) {
                addError.set(w.getMessage());
                return true;
            }
            return false;
        });
    }

    /** Removes the endpoint picked; the last one left stays. */
    public void remove() {
        if (canRemove.get()) {
            int at = selected.get();
            edit(on -> settings.removeEndpoint(on, at), at, () -> { }, e -> false);
        }
    }

    /** Moves the endpoint picked one place up: it is tried earlier. */
    public void moveUp() {
        if (canMoveUp.get()) {
            int at = selected.get();
            edit(on -> settings.moveEndpoint(on, at, at - 1), at - 1, () -> { }, e -> false);
        }
    }

    /** Moves the endpoint picked one place down: it is tried later. */
    public void moveDown() {
        if (canMoveDown.get()) {
            int at = selected.get();
            edit(on -> settings.moveEndpoint(on, at, at + 1), at + 1, () -> { }, e -> false);
        }
    }

    /** After asking, forgets the network's own list: its defaults are used again. */
    public void reset() {
        if (usesDefaults.get() || busy.get() || !isShown() || !confirmations.confirm(RESET)) {
            return;
        }
        edit(settings::resetEndpoints, -1, () -> { }, e -> false);
    }

    private interface Change {
        void apply(Network on);
    }

    private interface Refusal {
        /** Shows a failure the change explains itself; false: shown as a problem. */
        boolean explained(Throwable e);
    }

    private void edit(Change change, int select, Runnable onDone, Refusal refusal) {
        Network on = network.get();
        if (on == null) {
            return;
        }
        busy.set(true);
        problem.clear();
        addError.set("");
        long mine = ++listVersion;
        model.executor().run(() -> {
            change.apply(on);
            return listing(on);
        }, listing -> {
            busy.set(false);
            model.settingsChanged();
            forgetCheck();
            onDone.run();
            if (mine == listVersion) {
                show(on, listing, select == Integer.MAX_VALUE ? listing.endpoints().size() - 1 : select);
            }
        }, e -> {
            busy.set(false);
            if (!refusal.explained(e)) {
                problem.show(e);
            }
            if (mine == listVersion) {
                reload(selected.get());
            }
        });
    }

    /** Checks every endpoint of the network shown, all at once, in the background. */
    public void check() {
        Network on = network.get();
        if (on == null || checking.get()) {
            return;
        }
        long mine = ++checkVersion;
        checking.set(true);
        problem.clear();
        results.clear();
        checkSummary.set("Checking the endpoints for " + on.name() + "…");
        model.executor().run(() -> EndpointCheck.run(Optional.of(on), settings.urls(on), EndpointCheck.TIMEOUT), reports -> {
            if (mine != checkVersion) {
                return;
            }
            checking.set(false);
            results.setAll(reports.stream().map(SettingsViewModel::row).toList());
            checkSummary.set(summary(on, reports));
        }, e -> {
            if (mine != checkVersion) {
                return;
            }
            checking.set(false);
            checkSummary.set("");
            problem.show(e);
        });
    }

    /** The list changed, or another network is shown: the last check no longer answers for it. */
    private void forgetCheck() {
        checkVersion++;
        checking.set(false);
        results.clear();
        checkSummary.set("");
    }

    static CheckRow row(EndpointReport report) {
        return new CheckRow(report.position(), report.endpoint(), report.verdict().word(), tone(report.verdict()),
                report.chain().orElse("—"), report.specVersion().orElse("—"),
                report.latencyMillis().isPresent() ? report.latencyMillis().getAsLong() + " ms" : "—",
                yesNo(report.batches()), yesNo(report.preConfirmed()), report.problem().orElse(""));
    }

    static Tone tone(EndpointVerdict verdict) {
        return switch (verdict) {
            case OK -> Tone.GOOD;
            case RATE_LIMITED, UNREACHABLE -> Tone.WARN;
            case GONE, NOT_JSON, WRONG_CHAIN, OLD_SPEC, REFUSED -> Tone.BAD;
        };
    }

    private static String yesNo(Optional<Boolean> fact) {
        return fact.map(yes -> yes ? "yes" : "no").orElse("—");
    }

    static String summary(Network on, List<EndpointReport> reports) {
        long ok = reports.stream().filter(EndpointReport::ok).count();
        if (ok == reports.size()) {
            return reports.size() == 1 ? "The endpoint for " + on.name() + " works." : "All " + reports.size() + " endpoints for "
                    + on.name() + " work.";
        }
        if (ok == 0) {
            return "No endpoint for " + on.name() + " works: add one that does.";
        }
        return ok + " of " + reports.size() + " endpoints for " + on.name() + " work; the wallet passes over the others.";
    }

    public ReadOnlyObjectProperty<Network> defaultNetworkProperty() {
        return defaultNetwork.getReadOnlyProperty();
    }

    /** The network whose endpoints are shown and checked. */
    public ObjectProperty<Network> networkProperty() {
        return network;
    }

    /** "The session in use is on sandbox.", or empty with no session. */
    public ReadOnlyStringProperty sessionNetworkProperty() {
        return sessionNetwork.getReadOnlyProperty();
    }

    public ObservableList<EndpointRow> endpoints() {
        return endpointsView;
    }

    /** Whether the list shown is the network's defaults. */
    public ReadOnlyBooleanProperty usesDefaultsProperty() {
        return usesDefaults.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty listNoteProperty() {
        return listNote.getReadOnlyProperty();
    }

    /** "The session in use brings its own endpoint, …, tried before these defaults." (or after this list), or empty. */
    public ReadOnlyStringProperty ownEndpointProperty() {
        return ownEndpoint.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canMoveUpProperty() {
        return canMoveUp.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canMoveDownProperty() {
        return canMoveDown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRemoveProperty() {
        return canRemove.getReadOnlyProperty();
    }

    /** The URL being typed, for Add. */
    public StringProperty newUrlProperty() {
        return newUrl;
    }

    /** Why the URL typed was not added; empty otherwise. */
    public ReadOnlyStringProperty addErrorProperty() {
        return addError.getReadOnlyProperty();
    }

    /** True while a change is being saved. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public Problem problem() {
        return problem;
    }

    /** True while a check runs; the view disables Check and shows progress meanwhile. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** The last check, an endpoint a row in the list's order. */
    public ObservableList<CheckRow> results() {
        return resultsView;
    }

    public ReadOnlyStringProperty checkSummaryProperty() {
        return checkSummary.getReadOnlyProperty();
    }

    /** The paymaster's address and key, for the "Paymaster" card. */
    public PaymasterViewModel paymaster() {
        return new PaymasterViewModel(model.executor(), settings);
    }

    /** The app's lock and hidden-amounts switch, for the "Lock and privacy" card. */
    public xyz.cavos.wallet.ui.lock.AppLock lock() {
        return model.lock();
    }

    /** Dark or light: the shell's own property, so the app remembers it. */
    public BooleanProperty darkProperty() {
        return dark;
    }
}
