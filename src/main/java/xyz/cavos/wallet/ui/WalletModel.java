package xyz.cavos.wallet.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SecretText;
import xyz.cavos.wallet.ui.lock.AppLock;
import xyz.cavos.wallet.ui.lock.PrivacySettings;
import xyz.cavos.wallet.wallet.AddressBook;
import xyz.cavos.wallet.wallet.ConnectionOptions;
import xyz.cavos.wallet.wallet.SessionStorage;
import xyz.cavos.wallet.wallet.StoredSession;
import xyz.cavos.wallet.wallet.SessionStatus;
import xyz.cavos.wallet.wallet.WalletError;
import xyz.cavos.wallet.wallet.WalletService;
import xyz.cavos.wallet.wallet.WalletSnapshot;

/**
 * The app's shared state, as JavaFX properties the screens bind to: the connected wallet, its latest
 * snapshot (read in one batch), the connection's health. Changed on the FX thread only; all chain and
 * keychain work goes through the {@link UiExecutor}. Results of a refresh that was overtaken are dropped.
 * When the network settings change, the next refresh connects the session again, to the endpoints set now;
 * to the screens that is a new connection, like any other.
 */
public final class WalletModel {

    /** How the app reaches the chain right now. */
    public enum Connection { NO_SESSION, CONNECTING, ONLINE, OFFLINE }

    private final UiExecutor executor;
    private final SessionStorage store;
    private final ConnectionOptions options;
    private final SandboxStarter sandboxes;
    private final AddressBook addressBook;

    private final ReadOnlyObjectWrapper<SessionToken> session = new ReadOnlyObjectWrapper<>();
    private final javafx.collections.ObservableList<StoredSession> sessions = javafx.collections.FXCollections.observableArrayList();
    /** One view for every listener: a view listens to the list weakly, so a view made per call would drop them. */
    private final javafx.collections.ObservableList<StoredSession> sessionsView =
            javafx.collections.FXCollections.unmodifiableObservableList(sessions);
    private final ReadOnlyStringWrapper sessionName = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<WalletService> wallet = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> offlineSince = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<WalletSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SessionStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Connection> connection = new ReadOnlyObjectWrapper<>(Connection.NO_SESSION);
    private final ReadOnlyStringWrapper connectionDetail = new ReadOnlyStringWrapper("No session");
    private final ReadOnlyLongWrapper latencyMillis = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Instant> lastRefreshed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SandboxStarter.Running> sandbox = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(Instant.now());
    private long generation;
    private SessionStatus readStatus;
    private Instant readAt;
    private Instant lastAttempt = Instant.EPOCH;
    private int failures;
    /** A connection of the session is being made. */
    private boolean connecting;
    /** The network settings changed since the wallet was connected: the next refresh connects it again. */
    private boolean stale;
    /** Connections replaced by a reconnection, kept open a while for work started on them. */
    private final List<Retired> retired = new ArrayList<>();

    private record Retired(WalletService service, Instant since) {
    }

    /**
     * How long a connection replaced by a reconnection stays open, so that work started on it (a transfer
     * waiting for acceptance) is not cut off.
     */
    public static final Duration RETIRE_AFTER = Duration.ofMinutes(5);

    /** Whether the app was started with endpoints of its own, which are used instead of the settings' lists. */
    public boolean endpointsGivenAtStart() {
        return !options.rpcUrls().isEmpty();
    }

    /** {@code store} keeps the session on this computer; {@code sandboxes} starts a local sandbox for "Try the sandbox". */
    public WalletModel(UiExecutor executor, SessionStorage store, ConnectionOptions options, SandboxStarter sandboxes) {
        this(executor, store, options, sandboxes, PrivacySettings.Keeper.inMemory(PrivacySettings.NONE));
    }

    /** {@code privacy} keeps the app's passphrase hash, idle time and hidden-amounts switch between runs. */
    public WalletModel(UiExecutor executor, SessionStorage store, ConnectionOptions options, SandboxStarter sandboxes,
            PrivacySettings.Keeper privacy) {
        this.executor = executor;
        this.store = store;
        this.options = options;
        this.sandboxes = sandboxes;
        this.addressBook = AddressBook.open(store.home());
        offlineNote = Bindings.createStringBinding(this::offlineText, offlineSince, lastRefreshed, session);
        this.lock = new AppLock(executor, now, privacy);
    }

    private final AppLock lock;

    /** The app's lock and its hidden-amounts switch. */
    public AppLock lock() {
        return lock;
    }

    /** True while the app is locked: nothing of the wallet may be shown, in the window or in a notice. */
    public ReadOnlyBooleanProperty lockedProperty() {
        return lock.lockedProperty();
    }

    /** Whether amounts show as {@link AppLock#HIDDEN} instead of figures. */
    public javafx.beans.value.ObservableBooleanValue amountsHiddenProperty() {
        return lock.hideAmountsProperty();
    }

    private final StringBinding offlineNote;

    /** Short on purpose: why the node did not answer is in the status bar, and on the Session and Settings screens. */
    private String offlineText() {
        Instant since = offlineSince.get();
        if (since == null || session.get() == null) {
            return "";
        }
        return lastRefreshed.get() == null || snapshot.get() == null
                ? "Offline since " + Format.time(since) + ": the node cannot be reached. The app keeps trying."
                : "Offline since " + Format.time(since) + ": what is shown was read at " + Format.time(lastRefreshed.get())
                        + " and may no longer be current. The app keeps trying.";
    }

    /**
     * While the node does not answer: since when, and when what is on view was read (empty while online). Screens
     * show it beside data that may no longer be current.
     */
    public StringBinding offlineNoteProperty() {
        return offlineNote;
    }

    public UiExecutor executor() {
        return executor;
    }

    public SessionStorage store() {
        return store;
    }

    /** The paymaster set in Settings, with its API key from the keychain; empty: none, the wallet pays its fees. Keychain work: off the UI thread. */
    public Optional<xyz.cavos.wallet.wallet.FeePayment.Paymaster> paymaster() {
        return xyz.cavos.wallet.wallet.NetworkSettings.open(store.home()).paymaster();
    }

    /** The address book of this installation (contacts and recent recipients); its reads and writes are file work. */
    public AddressBook addressBook() {
        return addressBook;
    }

    public SandboxStarter sandboxes() {
        return sandboxes;
    }

    /** The sessions kept on this computer, by name, and the one shown; read again after every change. */
    public javafx.collections.ObservableList<StoredSession> sessions() {
        return sessionsView;
    }

    /** The name of the session the app shows; null when none is. */
    public ReadOnlyStringProperty sessionNameProperty() {
        return sessionName.getReadOnlyProperty();
    }

    /** Reads the list of sessions again (settings only, no keychain). */
    public void reloadSessions() {
        executor.run(store::sessions, sessions::setAll, e -> {
            sessions.clear();
            connectionDetail.set(message(e)); // damaged settings: the list is gone, and why is said where the connection is
        });
    }

    /** Opens the current session at start-up, if there is one. */
    public void openCurrent(Runnable onConnected, java.util.function.Consumer<Throwable> onFailure) {
        executor.run(store::current, name -> name.ifPresentOrElse(n -> open(n, onConnected, onFailure), this::reloadSessions), onFailure);
    }

    /**
     * Makes the named session the current one and connects it; the sandbox's own session starts the sandbox again from
     * its kept chain first, so the demo wallet survives restarts.
     */
    public void open(String name, Runnable onConnected, java.util.function.Consumer<Throwable> onFailure) {
        open(name, false, onConnected, onFailure);
    }

    /**
     * {@link #open(String, Runnable, java.util.function.Consumer)}; with {@code sandboxMustRun}, a sandbox that cannot be started
     * again from its kept chain is a failure (nothing is opened), not a session shown as not connected.
     */
    public void open(String name, boolean sandboxMustRun, Runnable onConnected, java.util.function.Consumer<Throwable> onFailure) {
        SandboxStarter.Running running = sandbox.get();
        long mine = ++opening; // the last session chosen is the one opened, whichever answers first
        executor.run(() -> {
            SessionToken token = store.load(name).orElseThrow(() -> new WalletError(WalletError.Code.NO_SESSION,
                    "The session \"" + name + "\" is not kept here any more.", "Import it again."));
            store.use(name); // current only once it could be read
            SandboxStarter.Running resumed = null;
            if (name.equals(SandboxStarter.PROFILE) && running == null) {
                java.net.URI url = store.sessions().stream().filter(s -> s.name().equals(name)).findFirst()
                        .flatMap(StoredSession::rpcUrl).or(token::rpcUrl).map(java.net.URI::create).orElse(null);
                if (url != null && ("127.0.0.1".equals(url.getHost()) || "localhost".equals(url.getHost()))) {
                    try {
                        resumed = sandboxes.resume(token, url);
                    } catch (RuntimeException e) {
                        if (sandboxMustRun) {
                            throw e;
                        }
                        // the session is opened anyway: it can be looked at and removed, and the reason is on the Session screen
                    }
                }
            }
            return new Opened(name, token, java.util.Optional.ofNullable(resumed));
        }, opened -> {
            if (mine != opening) {
                opened.sandbox().ifPresent(SandboxStarter.Running::close);
                return; // another session was chosen meanwhile
            }
            opened.sandbox().ifPresent(this::adoptSandbox);
            named = new Named(opened.name(), opened.token());
            sessionName.set(opened.name());
            reloadSessions();
            connect(opened.token(), onConnected, onFailure);
        }, onFailure);
    }

    private record Opened(String name, SessionToken token, java.util.Optional<SandboxStarter.Running> sandbox) {
    }

    private static boolean holds(StoredSession stored, SessionToken token) {
        return stored.sessionPublicKey().equals(token.sessionPublicKey()) && stored.walletAddress().equals(token.walletAddress());
    }

    /** The session last opened by its name, and its token. */
    private record Named(String name, SessionToken token) {
    }

    private Named named;

    /** Counts the sessions asked to be opened; only the last one's result is used. */
    private long opening;
    public void connect(SessionToken token, Runnable onConnected, java.util.function.Consumer<Throwable> onFailure) {
        long mine = ++generation; // a refresh of the previous session must not land on this one
        stale = false; // this connection reads the settings as they are now
        refreshing.set(false);
        readStatus = null;
        if (session.get() != token) {
            // another session: nothing read for the one before stays on view; its connection stays open a while for work
            // started on it (a transfer waiting for acceptance, a renewal storing its new key)
            WalletService previous = wallet.get();
            wallet.set(null);
            if (previous != null) {
                retired.add(new Retired(previous, now.get()));
            }
            // the name shown: the one it was opened by, else the stored session that holds this token, if one does
            sessionName.set(named != null && named.token() == token ? named.name()
                    : sessions.stream().filter(s -> holds(s, token)).map(StoredSession::name).findFirst().orElse(null));
            status.set(null);
            snapshot.set(null);
            offlineSince.set(null);
            session.set(token);
        }
        connection.set(Connection.CONNECTING);
        connectionDetail.set("Connecting…");
        lastAttempt = now.get();
        connecting = true;
        executor.run(() -> WalletService.connect(token, options, Optional.of(store)), service -> {
            if (mine != generation || session.get() != token) {
                service.close(); // another session was chosen meanwhile
                return;
            }
            connecting = false;
            failures = 0;
            WalletService previous = wallet.get();
            wallet.set(service);
            if (previous != null) {
                previous.close();
            }
            onConnected.run();
            refresh();
        }, e -> {
            if (mine != generation || session.get() != token) {
                return;
            }
            // the session stays: it can still be looked at and removed, and connecting is tried again with the clock
            connecting = false;
            failures++;
            connection.set(Connection.OFFLINE);
            connectionDetail.set(message(e));
            if (offlineSince.get() == null) {
                offlineSince.set(now.get());
            }
            onFailure.accept(e);
        });
    }

    /**
     * The network chosen or a network's endpoints changed: the session is connected again on its next refresh,
     * so that what it reads next comes from the endpoints set now. The old connection is closed
     * {@link #RETIRE_AFTER} later.
     */
    public void settingsChanged() {
        stale = true;
    }

    /** Re-reads balances, session and spending in one round trip; an older refresh's result is ignored. */
    public void refresh() {
        WalletService service = wallet.get();
        if (service == null) {
            return;
        }
        if (stale) {
            reconnect(service);
            return;
        }
        long mine = ++generation;
        refreshing.set(true);
        Instant started = Instant.now();
        lastAttempt = now.get().isAfter(started) ? now.get() : started;
        executor.run(service::snapshot, read -> {
            if (mine != generation) {
                return;
            }
            refreshing.set(false);
            failures = 0;
            Instant received = Instant.now();
            latencyMillis.set(Duration.between(started, received).toMillis());
            lastRefreshed.set(received); // before the snapshot: its listeners show the refresh time
            readStatus = service.status(read);
            readAt = received;
            status.set(readStatus);
            snapshot.set(read);
            offlineSince.set(null);
            connection.set(Connection.ONLINE);
            connectionDetail.set(service.network().name() + " · block " + read.blockNumber());
        }, e -> {
            if (mine != generation) {
                return;
            }
            refreshing.set(false);
            failures++;
            connection.set(Connection.OFFLINE);
            connectionDetail.set(message(e));
            if (offlineSince.get() == null) {
                offlineSince.set(now.get());
            }
        });
    }

    /** Connects the same session again with the settings as they are now, then reads it; the old connection is retired. */
    private void reconnect(WalletService old) {
        stale = false;
        long mine = ++generation;
        refreshing.set(true);
        Instant started = Instant.now();
        lastAttempt = now.get().isAfter(started) ? now.get() : started;
        SessionToken token = old.token();
        executor.run(() -> WalletService.connect(token, options, Optional.of(store)), service -> {
            if (mine != generation || wallet.get() != old) {
                service.close();
                // overtaken by a refresh of the same session: the next one connects again
                stale = stale || wallet.get() == old;
                return;
            }
            refreshing.set(false);
            wallet.set(service);
            retired.add(new Retired(old, now.get()));
            refresh();
        }, e -> {
            if (mine != generation) {
                return;
            }
            stale = true; // the old connection stays in use until a new one can be made
            refreshing.set(false);
            failures++;
            connection.set(Connection.OFFLINE);
            connectionDetail.set(message(e));
        });
    }

    /**
     * The app's clock, called every second on the UI thread: the session countdown runs on by chain time
     * (the last read's chain time plus the time since), a crossed edge of the session window is confirmed
     * with the chain, and the wallet is re-read every {@link #REFRESH_EVERY}, backing off while offline.
     */
    public void tick(Instant time) {
        now.set(time);
        closeRetired(time.minus(RETIRE_AFTER));
        if (readStatus != null && readAt != null) {
            long elapsed = Math.max(0, Duration.between(readAt, time).toSeconds());
            SessionStatus ticked = readStatus.at(readStatus.chainTime() + elapsed);
            SessionStatus shown = status.get();
            status.set(ticked);
            if (shown != null && shown.state() != ticked.state() && !refreshing.get()) {
                refresh();
                return;
            }
        }
        if (wallet.get() != null && !refreshing.get() && !time.isBefore(lastAttempt.plus(refreshInterval()))) {
            refresh();
        } else if (wallet.get() == null && session.get() != null && !connecting && !time.isBefore(lastAttempt.plus(refreshInterval()))) {
            SessionToken token = session.get();
            connect(token, () -> { }, e -> { }); // the node was out of reach: try again
        }
    }

    /** Closes the replaced connections retired before {@code before}. */
    private void closeRetired(Instant before) {
        retired.removeIf(old -> {
            if (old.since().isAfter(before)) {
                return false;
            }
            old.service().close();
            return true;
        });
    }

    /** How often the wallet is re-read. */
    public static final Duration REFRESH_EVERY = Duration.ofSeconds(20);

    private Duration refreshInterval() {
        if (failures == 0) {
            return REFRESH_EVERY;
        }
        return Duration.ofSeconds(Math.min(120, 5L << Math.min(failures, 5)));
    }

    /** Removes the session from this device (the keychain entry) and returns to the start. */
    public void forget(Runnable onDone, java.util.function.Consumer<Throwable> onFailure) {
        SessionToken shown = session.get();
        if (shown == null) {
            return;
        }
        // the stored session that holds the key on view, whatever the settings call current: never another one
        executor.run(() -> store.sessions().stream().filter(s -> holds(s, shown)).map(StoredSession::name).findFirst().map(store::remove),
                removed -> {
            String name = removed.flatMap(SessionStorage.Cleared::session).orElse(null);
            if (SandboxStarter.PROFILE.equals(name) && sandbox.get() != null) {
                SandboxStarter.Running node = sandbox.get(); // the sandbox runs for its own session only
                sandbox.set(null);
                node.close();
            }
            generation++;
            connecting = false;
            session.set(null);
            offlineSince.set(null);
            WalletService previous = wallet.get();
            wallet.set(null);
            if (previous != null) {
                previous.close();
            }
            readStatus = null;
            readAt = null;
            status.set(null);
            snapshot.set(null);
            latencyMillis.set(-1);
            connection.set(Connection.NO_SESSION);
            connectionDetail.set("No session");
            sessionName.set(null);
            reloadSessions();
            onDone.run();
            removed.flatMap(SessionStorage.Cleared::current)
                    .ifPresent(next -> open(next, () -> { }, e -> { })); // another session kept here is shown next
        }, onFailure);
    }

    /** Keeps a sandbox started from the app alive with the app, and stops it on exit. */
    public void adoptSandbox(SandboxStarter.Running node) {
        SandboxStarter.Running previous = sandbox.get();
        sandbox.set(node);
        if (previous != null && previous != node) {
            previous.close();
        }
    }

    /** Closes everything the app opened: background work first (up to 2 s), so none of it reopens the keychain. */
    public void shutdown() {
        executor.close(Duration.ofSeconds(2));
        if (wallet.get() != null) {
            wallet.get().close();
        }
        closeRetired(Instant.MAX);
        SandboxStarter.Running node = sandbox.get();
        if (node != null) {
            node.close();
        }
        store.close();
    }

    /** Who hears of settled transactions; added and removed on the FX thread. */
    private final List<java.util.function.Consumer<SentTransaction>> settledListeners = new ArrayList<>();

    /**
     * A transaction a screen sent was accepted or reverted: told to the listeners (the notifications) whichever screen
     * is on view, and whether or not the screen still waits for it. Called on the FX thread.
     */
    public void settled(SentTransaction transaction) {
        List.copyOf(settledListeners).forEach(listener -> listener.accept(transaction));
    }

    /** Hears of every transaction a screen sent once it settled, until unsubscribed. */
    public javafx.util.Subscription onSettled(java.util.function.Consumer<SentTransaction> listener) {
        settledListeners.add(listener);
        return () -> settledListeners.remove(listener);
    }

    /** An error as a screen shows it: the wallet's message, then what to do in the app on a second line. */
    public static String problemText(Throwable e) {
        return SecretText.hide(WalletError.explain(e).map(w -> {
            String next = NextStepInTheApp.guidance(w);
            return next.isBlank() ? w.getMessage() : w.getMessage() + "\n" + next;
        }).orElseGet(() -> message(e)));
    }

    /**
     * The words for a failure nobody foresaw: its own message when it has one that is not about the program's insides,
     * else a plain sentence. Never a class name; never a token (hidden wherever it appears).
     */
    static String message(Throwable e) {
        if (e instanceof WalletError w) {
            return SecretText.hide(w.getMessage());
        }
        String said = e.getMessage();
        if (said == null || said.isBlank() || said.matches("(?s).*\\b[A-Za-z]+(Exception|Error)\\b.*") || said.contains("java.")) {
            return "Something unexpected went wrong. Try again; if it happens again, restart the app.";
        }
        return SecretText.hide(said);
    }

    /**
     * The session the app shows, connected or not: set as soon as one is opened, kept while its node is out of reach
     * (so it can still be looked at and removed), cleared when it is removed.
     */
    public ReadOnlyObjectProperty<SessionToken> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /**
     * When the node stopped answering, while it does not; null when the last read succeeded. What is on view was read
     * before then.
     */
    public ReadOnlyObjectProperty<Instant> offlineSinceProperty() {
        return offlineSince.getReadOnlyProperty();
    }

    /** The connection to the session's node; null while none is made. */
    public ReadOnlyObjectProperty<WalletService> walletProperty() {
        return wallet.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WalletSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SessionStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Connection> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionDetailProperty() {
        return connectionDetail.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty latencyMillisProperty() {
        return latencyMillis.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> lastRefreshedProperty() {
        return lastRefreshed.getReadOnlyProperty();
    }

    /** The app clock's last tick. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SandboxStarter.Running> sandboxProperty() {
        return sandbox.getReadOnlyProperty();
    }
}
