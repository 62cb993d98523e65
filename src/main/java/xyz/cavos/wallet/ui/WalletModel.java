package xyz.cavos.wallet.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.store.SessionStore;
import xyz.cavos.wallet.wallet.ConnectionOptions;
import xyz.cavos.wallet.wallet.SessionStatus;
import xyz.cavos.wallet.wallet.WalletError;
import xyz.cavos.wallet.wallet.WalletService;
import xyz.cavos.wallet.wallet.WalletSnapshot;

/**
 * The app's shared state, as JavaFX properties the screens bind to: the connected wallet, its latest
 * snapshot (read in one batch), the connection's health. Changed on the FX thread only; all chain and
 * keychain work goes through the {@link UiExecutor}. Results of a refresh that was overtaken are dropped.
 */
public final class WalletModel {

    /** How the app reaches the chain right now. */
    public enum Connection { NO_SESSION, CONNECTING, ONLINE, OFFLINE }

    private final UiExecutor executor;
    private final SessionStore store;
    private final ConnectionOptions options;

    private final ReadOnlyObjectWrapper<WalletService> wallet = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<WalletSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SessionStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Connection> connection = new ReadOnlyObjectWrapper<>(Connection.NO_SESSION);
    private final ReadOnlyStringWrapper connectionDetail = new ReadOnlyStringWrapper("No session");
    private final ReadOnlyLongWrapper latencyMillis = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Instant> lastRefreshed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SandboxNode> sandbox = new ReadOnlyObjectWrapper<>();
    private long generation;

    public WalletModel(UiExecutor executor, SessionStore store, ConnectionOptions options) {
        this.executor = executor;
        this.store = store;
        this.options = options;
    }

    public UiExecutor executor() {
        return executor;
    }

    public SessionStore store() {
        return store;
    }

    /** Connects a session (already validated) and reads its first snapshot. */
    public void connect(SessionToken token, Runnable onConnected, java.util.function.Consumer<Throwable> onFailure) {
        connection.set(Connection.CONNECTING);
        connectionDetail.set("Connecting…");
        executor.run(() -> WalletService.connect(token, options, Optional.of(store)), service -> {
            wallet.set(service);
            onConnected.run();
            refresh();
        }, e -> {
            connection.set(Connection.OFFLINE);
            connectionDetail.set(message(e));
            onFailure.accept(e);
        });
    }

    /** Re-reads balances, session and spending in one round trip; an older refresh's result is ignored. */
    public void refresh() {
        WalletService service = wallet.get();
        if (service == null) {
            return;
        }
        long mine = ++generation;
        refreshing.set(true);
        Instant started = Instant.now();
        executor.run(service::snapshot, read -> {
            if (mine != generation) {
                return;
            }
            refreshing.set(false);
            latencyMillis.set(Duration.between(started, Instant.now()).toMillis());
            lastRefreshed.set(Instant.now()); // before the snapshot: its listeners show the refresh time
            status.set(service.status(read));
            snapshot.set(read);
            connection.set(Connection.ONLINE);
            connectionDetail.set(service.network().name() + " · block " + read.blockNumber());
        }, e -> {
            if (mine != generation) {
                return;
            }
            refreshing.set(false);
            connection.set(Connection.OFFLINE);
            connectionDetail.set(message(e));
        });
    }

    /** Keeps a sandbox started from the app alive with the app, and stops it on exit. */
    public void adoptSandbox(SandboxNode node) {
        SandboxNode previous = sandbox.get();
        sandbox.set(node);
        if (previous != null && previous != node) {
            previous.close();
        }
    }

    public void shutdown() {
        SandboxNode node = sandbox.get();
        if (node != null) {
            node.close();
        }
    }

    static String message(Throwable e) {
        if (e instanceof WalletError w) {
            return w.getMessage();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

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

    public ReadOnlyObjectProperty<SandboxNode> sandboxProperty() {
        return sandbox.getReadOnlyProperty();
    }
}
