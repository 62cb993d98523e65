package xyz.cavos.wallet.ui;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.Subscription;
import org.controlsfx.control.ToggleSwitch;
import xyz.cavos.wallet.Version;
import xyz.cavos.wallet.ui.activity.ActivityView;
import xyz.cavos.wallet.ui.activity.ActivityViewModel;
import xyz.cavos.wallet.ui.balances.BalancesView;
import xyz.cavos.wallet.ui.balances.BalancesViewModel;
import xyz.cavos.wallet.ui.importsession.ImportView;
import xyz.cavos.wallet.ui.importsession.ImportViewModel;
import xyz.cavos.wallet.ui.policy.AllowancesViewModel;
import xyz.cavos.wallet.ui.lock.LockScreen;
import xyz.cavos.wallet.ui.policy.PolicyView;
import xyz.cavos.wallet.ui.policy.PolicyViewModel;
import xyz.cavos.wallet.ui.session.SessionView;
import xyz.cavos.wallet.ui.session.SessionViewModel;
import xyz.cavos.wallet.ui.settings.SettingsView;
import xyz.cavos.wallet.ui.settings.SettingsViewModel;
import xyz.cavos.wallet.ui.transfer.TransferView;
import xyz.cavos.wallet.ui.transfer.TransferViewModel;
import xyz.cavos.wallet.wallet.SessionStatus;

/**
 * The window's frame: sidebar navigation, the current screen, a status bar with network, block and
 * session state; the app clock (one tick a second), the theme and the keyboard shortcuts.
 */
public final class AppShell {

    /** The screens, in sidebar order (Settings at the foot); Ctrl+1 to Ctrl+7 reach them. */
    public enum Screen {
        IMPORT("Import session", "nav-import"),
        BALANCES("Balances", "nav-balances"),
        TRANSFER("Transfer", "nav-transfer"),
        ACTIVITY("Activity", "nav-activity"),
        POLICY("Policy usage", "nav-policy"),
        SESSION("Session", "nav-session"),
        SETTINGS("Settings", "nav-settings");

        private final String title;
        private final String id;

        Screen(String title, String id) {
            this.title = title;
            this.id = id;
        }

        /** The screen's name, as the sidebar shows it. */
        public String title() {
            return title;
        }
    }

    static final String SHORTCUTS = String.join("\n",
            "Ctrl+1 … Ctrl+7: the screens, in sidebar order",
            "F5 or Ctrl+R: refresh balances and session",
            "Ctrl+D: light or dark theme",
            "Ctrl+L: lock the app (with a passphrase set in Settings)",
            "Ctrl+H: hide or show amounts",
            "F1: this window",
            "Ctrl+Q: quit");

    private final WalletModel model;
    private final BorderPane root = new BorderPane();
    /** The window's content: the frame, and over it the lock screen while the app is locked. */
    private final StackPane window = new StackPane();
    private final StackPane content = new StackPane();
    /**
     * Each screen is built the first time it is shown: the window's first frame waits for the screen it opens on only,
     * and a screen never visited costs nothing.
     */
    private final Map<Screen, java.util.function.Supplier<ScreenView>> makers = new java.util.EnumMap<>(Screen.class);
    private final Map<Screen, ScreenView> views = new java.util.EnumMap<>(Screen.class);
    private final Map<Screen, ToggleButton> buttons = new LinkedHashMap<>();
    private final ToggleGroup navigation = new ToggleGroup();
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    /** The frame's own listeners on the model; removed when the app stops. */
    private Subscription listeners;
    private Screen showing;
    private Notices notices;

    public AppShell(WalletModel model) {
        this(model, link -> { });
    }

    /** {@code openLink} opens a web page (an explorer's) in the person's browser. */
    public AppShell(WalletModel model, java.util.function.Consumer<String> openLink) {
        this.model = model;
        Confirmations confirmations = new Dialogs(root, () -> model.lockedProperty().get());
        ImportViewModel importVm = new ImportViewModel(model);
        makers.put(Screen.IMPORT, () -> new ImportView(importVm));
        makers.put(Screen.BALANCES, () -> new BalancesView(new BalancesViewModel(model)));
        makers.put(Screen.TRANSFER, () -> new TransferView(new TransferViewModel(model, confirmations), this::show));
        makers.put(Screen.ACTIVITY, () -> new ActivityView(new ActivityViewModel(model), openLink, this::show));
        makers.put(Screen.POLICY, () -> new PolicyView(new PolicyViewModel(model), new AllowancesViewModel(model, confirmations)));
        makers.put(Screen.SESSION, () -> new SessionView(new SessionViewModel(model, confirmations), this::show));
        makers.put(Screen.SETTINGS, () -> new SettingsView(new SettingsViewModel(model, dark, confirmations), this::show));
        listeners = Subscription.combine(
                importVm.importedProperty().subscribe((old, done) -> {
                    if (done) {
                        show(Screen.BALANCES);
                    }
                }),
                model.sessionProperty().subscribe((old, session) -> {
                    if (session == null) {
                        show(Screen.IMPORT);
                    }
                }));

        Label brand = new Label("Cavos Desktop");
        brand.getStyleClass().addAll(Styles.TITLE_4);
        Label tagline = new Label("Session keys on Starknet");
        tagline.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox sidebar = new VBox(6, brand, tagline, gap(12), sessionSwitcher(), gap(6));
        sidebar.setPadding(new Insets(20, 12, 16, 12));
        sidebar.setPrefWidth(210);
        sidebar.getStyleClass().add("sidebar");
        int number = 1;
        for (Screen screen : Screen.values()) {
            ToggleButton button = new ToggleButton(screen.title);
            button.setId(screen.id);
            button.setToggleGroup(navigation);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.getStyleClass().add(Styles.FLAT);
            Popups.tooltip(button, screen.title + " (Ctrl+" + number++ + ")");
            button.setOnAction(e -> show(screen));
            if (screen != Screen.IMPORT && screen != Screen.SETTINGS) {
                button.disableProperty().bind(model.sessionProperty().isNull());
            }
            buttons.put(screen, button);
            if (screen != Screen.SETTINGS) {
                sidebar.getChildren().add(button);
            }
        }
        // a switch, not a navigation item: it says what it does and whether it is on
        ToggleSwitch theme = new ToggleSwitch("Dark theme");
        theme.setId("theme-toggle");
        theme.selectedProperty().bindBidirectional(dark);
        Popups.tooltip(theme, "Light or dark (Ctrl+D)");
        theme.setMaxWidth(Double.MAX_VALUE);
        theme.setPadding(new Insets(6, 12, 6, 12));
        // its words switch it too, not only the track (which switches it by itself)
        theme.setOnMouseReleased(e -> {
            for (javafx.scene.Node n = e.getPickResult().getIntersectedNode(); n != null && n != theme; n = n.getParent()) {
                if (n.getStyleClass().contains("thumb-area") || n.getStyleClass().contains("thumb")) {
                    return;
                }
            }
            theme.setSelected(!theme.isSelected());
        });
        Button about = new Button("About");
        about.setId("about");
        about.setOnAction(e -> about());
        about.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        about.setMaxWidth(Double.MAX_VALUE);
        about.setAlignment(Pos.CENTER_LEFT);
        Region push = new Region();
        VBox.setVgrow(push, Priority.ALWAYS);
        // Settings stands apart from the wallet's screens, at the foot with the theme and About.
        sidebar.getChildren().addAll(push, buttons.get(Screen.SETTINGS), theme, lockButton(), about);
        dark.addListener((obs, old, isDark) -> Application.setUserAgentStylesheet(Theme.userAgentStylesheet(isDark)));

        root.getStylesheets().add(AppShell.class.getResource("app.css").toExternalForm());
        // the frame paints its own background: it need not be the scene's root (field marks wrap the root in a layer of theirs)
        root.getStyleClass().add("app-frame");
        root.setLeft(sidebar);
        content.setAlignment(Pos.TOP_LEFT);
        root.setCenter(new VBox(clipboardBanner(importVm), content));
        root.setCenter(notices(root.getCenter()));
        VBox.setVgrow(content, Priority.ALWAYS);
        root.setBottom(statusBar());
        lockLayer();
        show(Screen.IMPORT);
        clock.setCycleCount(Animation.INDEFINITE);
        clock.play();
    }

    /**
     * The sessions kept here, the shown one selected: choosing another opens it. Hidden (and not built) while there
     * are none; the Import screen adds one beside the others.
     */
    private javafx.scene.Node sessionSwitcher() {
        javafx.scene.Node place = Deferred.part(javafx.beans.binding.Bindings.isNotEmpty(model.sessions()), this::sessionChoice);
        model.reloadSessions();
        return place;
    }

    private VBox sessionChoice() {
        Label caption = new Label("Session");
        caption.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        ComboBox<String> choice = new ComboBox<>();
        choice.setId("session-switcher");
        choice.setMaxWidth(Double.MAX_VALUE);
        Popups.tooltip(choice, "The sessions kept on this computer; choose one to open it");
        Runnable fill = () -> {
            choice.getItems().setAll(model.sessions().stream().map(s -> s.name()).toList());
            choice.setValue(model.sessionNameProperty().get());
        };
        boolean[] filling = {false};
        Runnable refill = () -> {
            filling[0] = true;
            try {
                fill.run();
            } finally {
                filling[0] = false;
            }
        };
        model.sessions().addListener((javafx.collections.ListChangeListener<Object>) c -> refill.run());
        listeners = Subscription.combine(listeners == null ? Subscription.EMPTY : listeners,
                model.sessionNameProperty().subscribe(name -> refill.run()));
        choice.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                setText(empty || name == null ? null : describe(name));
            }
        });
        choice.valueProperty().addListener((obs, old, name) -> {
            if (!filling[0] && name != null && !name.equals(model.sessionNameProperty().get())) {
                model.open(name, () -> show(Screen.BALANCES), e -> {
                    refill.run(); // the switcher shows the session still on view, not the one that could not be opened
                    Alert said = new Alert(Alert.AlertType.ERROR, WalletModel.problemText(e));
                    said.setHeaderText("The session \"" + name + "\" could not be opened");
                    if (root.getScene() != null) {
                        said.initOwner(root.getScene().getWindow());
                    }
                    said.show();
                });
            }
        });
        return new VBox(4, caption, choice);
    }

    /** "bot · sepolia · 0x0412…9ab3" for the switcher's list. */
    private String describe(String name) {
        return model.sessions().stream().filter(s -> s.name().equals(name)).findFirst()
                .map(s -> name + " · " + s.network().orElse("network by endpoint") + " · " + Format.shortAddress(s.walletAddress()))
                .orElse(name);
    }

    /** "Lock" at the sidebar's foot, while a passphrase is set. */
    private Button lockButton() {
        Button lock = new Button("Lock");
        lock.setId("lock-now");
        Popups.tooltip(lock, "Lock the app (Ctrl+L)");
        lock.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        lock.setMaxWidth(Double.MAX_VALUE);
        lock.setAlignment(Pos.CENTER_LEFT);
        lock.setOnAction(e -> model.lock().lock());
        lock.visibleProperty().bind(model.lock().passphraseSetProperty());
        lock.managedProperty().bind(lock.visibleProperty());
        return lock;
    }

    /**
     * The lock screen over the whole window. While the app is locked the frame (sidebar, screens, status bar) is not
     * shown at all and takes no input, and every window it opened (a review sheet, a menu, a tooltip) is closed: a
     * sheet closed this way sends nothing.
     */
    private void lockLayer() {
        window.getChildren().setAll(root, Deferred.part(model.lockedProperty(), () -> new LockScreen(model.lock()).root()));
        window.getStylesheets().add(AppShell.class.getResource("app.css").toExternalForm());
        root.visibleProperty().bind(model.lockedProperty().not());
        root.disableProperty().bind(model.lockedProperty());
        listeners = Subscription.combine(listeners, model.lockedProperty().subscribe(locked -> {
            if (locked) {
                closeOwnedWindows();
            }
        }));
    }

    private void closeOwnedWindows() {
        Window mine = window.getScene() == null ? null : window.getScene().getWindow();
        if (mine == null) {
            return;
        }
        for (Window open : List.copyOf(Window.getWindows())) {
            if (open != mine && ownedBy(open, mine)) {
                open.hide();
            }
        }
    }

    private static boolean ownedBy(Window open, Window owner) {
        for (Window at = open; at != null; at = at instanceof Stage stage ? stage.getOwner()
                : at instanceof PopupWindow popup ? popup.getOwnerWindow() : null) {
            if (at == owner) {
                return true;
            }
        }
        return false;
    }

    private static Region gap(double height) {
        Region gap = new Region();
        gap.setMinHeight(height);
        return gap;
    }

    private HBox statusBar() {
        Circle dot = new Circle(4);
        Label network = new Label();
        network.setId("status-network");
        Popups.wholeText(network); // the detail can be long: cut in the bar, whole on hover
        Label session = new Label();
        session.setId("status-session");
        listeners = Subscription.combine(listeners,
                model.connectionProperty().subscribe(state -> dot.setFill(dotColour(state))),
                model.connectionDetailProperty().subscribe(network::setText),
                model.statusProperty().subscribe(status -> session.setText(sessionText(status))));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, dot, network, spacer, session);
        bar.setPadding(new Insets(6, 16, 6, 16));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    static Color dotColour(WalletModel.Connection state) {
        return switch (state) {
            case ONLINE -> Color.web("#2da44e");
            case CONNECTING -> Color.web("#bf8700");
            case OFFLINE -> Color.web("#cf222e");
            case NO_SESSION -> Color.GRAY;
        };
    }

    private static String sessionText(SessionStatus status) {
        if (status == null) {
            return "";
        }
        String text = "Session: " + status.state().label();
        return status.state().canTransact() ? text + " · " + remaining(status.secondsLeft()) + " left" : text;
    }

    private static String remaining(long seconds) {
        return seconds >= 3600 ? seconds / 3600 + " h " + seconds / 60 % 60 + " min" : seconds >= 60 ? seconds / 60 + " min" : seconds + " s";
    }

    /** After an import from pasted text: offers to clear the clipboard, if it still holds the token. */
    private HBox clipboardBanner(ImportViewModel vm) {
        Label text = new Label("The session token may still be on the clipboard, where other apps can read it.");
        text.setWrapText(true);
        Button clear = new Button("Clear clipboard");
        clear.setId("clear-clipboard");
        clear.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        clear.setOnAction(e -> {
            Clipboard clipboard = Clipboard.getSystemClipboard();
            if (vm.isImportedToken(clipboard.getString())) {
                clipboard.clear();
            }
            vm.dismissClipboardOffer();
        });
        Button keep = new Button("Keep");
        keep.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        keep.setOnAction(e -> vm.dismissClipboardOffer());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox banner = new HBox(10, text, spacer, clear, keep);
        banner.setId("clipboard-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(8, 16, 8, 16));
        banner.getStyleClass().add("banner");
        // Offered only when the clipboard really holds the imported token.
        vm.clipboardOfferProperty().addListener((obs, old, offered) -> {
            if (offered && !vm.isImportedToken(Clipboard.getSystemClipboard().getString())) {
                vm.dismissClipboardOffer();
            }
        });
        banner.visibleProperty().bind(vm.clipboardOfferProperty());
        banner.managedProperty().bind(vm.clipboardOfferProperty());
        return banner;
    }

    /** The notifications: a banner above {@code screens}, toasts, the desktop's; they start and stop with the shell. */
    private javafx.scene.Node notices(javafx.scene.Node screens) {
        notices = new Notices(new Notifier(model), this::show, () -> model.lockedProperty().get(), () -> model.amountsHiddenProperty().get(),
                () -> model.lock().desktopNotificationsProperty().get());
        listeners = Subscription.combine(listeners, notices.start());
        return notices.wrap(screens);
    }

    /** Where notifications go while the window is not focused: the desktop's service, from the launcher. */
    public void sendToDesktop(DesktopNotifications port) {
        notices.sendToDesktop(port);
    }

    private void tick() {
        model.tick(Instant.now());
    }

    /** Keyboard shortcuts; called once the shell is in a scene. */
    public void installShortcuts(Scene scene) {
        var keys = scene.getAccelerators();
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5, KeyCode.DIGIT6,
                KeyCode.DIGIT7};
        Screen[] screens = Screen.values();
        for (int i = 0; i < screens.length; i++) {
            Screen screen = screens[i];
            keys.put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN), () -> {
                if (!buttons.get(screen).isDisabled()) {
                    show(screen);
                    focusInto(view(screen).root());
                }
            });
        }
        keys.put(new KeyCodeCombination(KeyCode.F5), model::refresh);
        keys.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), model::refresh);
        keys.put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), () -> dark.set(!dark.get()));
        keys.put(new KeyCodeCombination(KeyCode.F1), this::about);
        keys.put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> scene.getWindow().hide());
        lockShortcuts(scene);
    }

    /**
     * Ctrl+L locks the app (without a passphrase it opens Settings, where one is set), Ctrl+H hides or shows amounts;
     * any key or mouse event in the window starts the idle time again. While the app is locked the other shortcuts do
     * nothing but quit and switch the theme.
     */
    private void lockShortcuts(Scene scene) {
        var keys = scene.getAccelerators();
        KeyCodeCombination quit = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);
        KeyCodeCombination theme = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);
        // a default or cancel button's Enter or Escape stays its own: the button takes it back when it leaves the scene
        java.util.Set<KeyCombination> kept = java.util.Set.of(quit, theme, new KeyCodeCombination(KeyCode.ENTER),
                new KeyCodeCombination(KeyCode.ESCAPE));
        keys.replaceAll((keyCombination, action) -> kept.contains(keyCombination) ? action : () -> {
            if (!model.lockedProperty().get()) {
                action.run();
            }
        });
        keys.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> {
            if (!model.lock().lock()) {
                show(Screen.SETTINGS);
                focusInto(view(Screen.SETTINGS).root(), "#lock-new");
            }
        });
        keys.put(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN), () -> {
            if (!model.lockedProperty().get()) {
                model.lock().hideAmountsProperty().set(!model.lock().hideAmountsProperty().get());
            }
        });
        scene.addEventFilter(javafx.scene.input.KeyEvent.ANY, e -> model.lock().activity());
        scene.addEventFilter(javafx.scene.input.MouseEvent.ANY, e -> model.lock().activity());
        scene.addEventFilter(javafx.scene.input.ScrollEvent.ANY, e -> model.lock().activity());
    }

    /** Keyboard focus to the node {@code selector} finds on the page, once the page is laid out. */
    private static void focusInto(javafx.scene.Node page, String selector) {
        javafx.application.Platform.runLater(() -> {
            page.applyCss();
            javafx.scene.Node target = page.lookup(selector);
            if (target != null && !target.isDisabled()) {
                target.requestFocus();
                scrollTo(target);
            }
        });
    }

    /** Scrolls the page that holds {@code target} so that it is on view. */
    private static void scrollTo(javafx.scene.Node target) {
        javafx.scene.Node at = target.getParent();
        while (at != null && !(at instanceof javafx.scene.control.ScrollPane)) {
            at = at.getParent();
        }
        if (at instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
            scroll.applyCss();
            scroll.layout(); // a page shown for the first time has not been measured yet
            double content = scroll.getContent().getLayoutBounds().getHeight();
            double view = scroll.getViewportBounds().getHeight();
            double y = scroll.getContent().sceneToLocal(target.localToScene(0, 0)).getY();
            if (content > view) {
                scroll.setVvalue(Math.clamp((y - 48) / (content - view), 0, 1));
            }
        }
    }

    /** Keyboard focus to the page's first control that takes it, once the page is laid out. */
    private static void focusInto(javafx.scene.Node page) {
        javafx.application.Platform.runLater(() -> {
            page.applyCss();
            page.lookupAll("*").stream()
                    .filter(n -> n.isFocusTraversable() && !n.isDisabled() && n.isVisible() && !(n instanceof javafx.scene.control.ScrollPane))
                    .findFirst().ifPresentOrElse(javafx.scene.Node::requestFocus, page::requestFocus);
        });
    }

    void about() {
        Alert dialog = new Alert(Alert.AlertType.INFORMATION);
        dialog.setTitle("About Cavos Desktop");
        dialog.setHeaderText("Cavos Desktop " + Version.current());
        dialog.setContentText("A wallet for Cavos session keys on Starknet: the session's policy is enforced by your account on chain.\n\n"
                + "Java " + System.getProperty("java.version") + " · JavaFX " + System.getProperty("javafx.runtime.version", "?") + "\n"
                + "Sessions are kept in the " + model.store().kind() + "; settings in " + model.store().home() + "\n\n"
                + "Keyboard shortcuts\n" + SHORTCUTS);
        dialog.getDialogPane().setId("about-dialog");
        dialog.getDialogPane().setMinWidth(560);
        if (root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow());
        }
        dialog.show();
    }

    /** Shows a screen: the one leaving removes its listeners, the one coming adds its own and catches up. */
    public void show(Screen screen) {
        buttons.get(screen).setSelected(true);
        if (screen == showing) {
            return;
        }
        ScreenView next = view(screen); // built first: a screen that cannot be built leaves the one shown as it was
        if (showing != null) {
            views.get(showing).onHidden();
        }
        showing = screen;
        content.getChildren().setAll(next.root());
        next.onShown();
    }

    /** The screen's view, built now if it was never shown. */
    private ScreenView view(Screen screen) {
        ScreenView view = views.get(screen);
        if (view == null) {
            view = makers.get(screen).get();
            views.put(screen, view);
        }
        return view;
    }

    /** Dark or light; the app remembers it. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    public void stop() {
        clock.stop();
        if (showing != null) {
            views.get(showing).onHidden();
            showing = null;
        }
        listeners.unsubscribe();
    }

    /** The window's content: the frame, and the lock screen over it while the app is locked. */
    public StackPane root() {
        return window;
    }
}
