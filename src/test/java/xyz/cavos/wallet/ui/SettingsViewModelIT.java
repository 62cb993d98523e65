package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.sandbox.FaultPlan;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.testing.SecretScan;
import xyz.cavos.wallet.ui.settings.SettingsViewModel;
import xyz.cavos.wallet.wallet.Network;
import xyz.cavos.wallet.wallet.NetworkSettings;
import xyz.cavos.wallet.wallet.WalletService;

/**
 * Settings against a real in-process sandbox that plays bad providers on some paths: endpoints added, checked,
 * moved, removed and reset through the view-model, kept in the config folder, and used by the wallet's next
 * refresh. URLs with a plain path are kept in the config file; one with a key in its path needs the keychain.
 */
class SettingsViewModelIT {

    @TempDir
    Path home;

    private SandboxWallet world;
    private ScriptedConfirmations confirmations;
    private SimpleBooleanProperty dark;
    private SettingsViewModel vm;
    private String base;

    @BeforeEach
    void open() {
        world = new SandboxWallet(home);
        confirmations = new ScriptedConfirmations();
        dark = new SimpleBooleanProperty();
        vm = new SettingsViewModel(world.model, dark, confirmations);
        vm.onShown();
        base = "http://127.0.0.1:" + world.node.port();
        // bad providers on paths of their own; the node itself answers on /rpc/v0_10
        world.node.setFaults("/rpc/v0_8", FaultPlan.NONE.withGone());
        world.node.setFaults("/rpc/v0_9", FaultPlan.NONE.withHtml());
        world.node.setFaults("/rpc/v1_0", FaultPlan.NONE.withChainId(Felt.fromShortString("SN_MAIN")));
    }

    @AfterEach
    void close() {
        vm.onHidden();
        world.close();
    }

    private List<String> shown() {
        return vm.endpoints().stream().map(SettingsViewModel.EndpointRow::shown).toList();
    }

    private List<String> stored(Network network) {
        return NetworkSettings.open(home).endpoints(network).stream().map(NetworkSettings.Endpoint::shown).toList();
    }

    private void add(String url) {
        vm.newUrlProperty().set(url);
        vm.add();
        assertEquals("", vm.addErrorProperty().get(), url);
        assertEquals("", vm.newUrlProperty().get(), "the field is cleared once the endpoint is in the list");
    }

    private List<String> verdicts() {
        return vm.results().stream().map(SettingsViewModel.CheckRow::verdict).toList();
    }

    @Test
    void thePaymasterIsKeptWithItsKeyInTheKeychainAndABadKeyChangesNothing() throws Exception {
        xyz.cavos.wallet.ui.settings.PaymasterViewModel paymaster = vm.paymaster();
        paymaster.load();
        assertEquals("No paymaster: the wallet pays every fee in STRK.", paymaster.statusProperty().get());
        paymaster.urlProperty().set(base + "/paymaster");
        paymaster.apiKeyProperty().set("two words");
        paymaster.save();
        assertTrue(paymaster.errorProperty().get().contains("not printable ASCII"), paymaster.errorProperty().get());
        assertFalse(NetworkSettings.open(home).show().paymaster().isPresent(), "a key that cannot be kept keeps nothing");

        paymaster.apiKeyProperty().set("pm-key-5f2c9a71");
        paymaster.save();
        assertEquals("", paymaster.errorProperty().get());
        assertEquals("", paymaster.apiKeyProperty().get(), "the key field is emptied once the key is kept");
        assertTrue(paymaster.statusProperty().get().endsWith("(its API key is kept in the keychain)."), paymaster.statusProperty().get());
        assertFalse(java.nio.file.Files.readString(home.resolve("config.json")).contains("pm-key-5f2c9a71"));
        assertTrue(NetworkSettings.open(home).paymaster().orElseThrow().apiKey().isPresent());

        paymaster.remove();
        assertEquals("No paymaster: the wallet pays every fee in STRK.", paymaster.statusProperty().get());
        assertFalse(NetworkSettings.open(home).show().paymasterApiKeySet(), "the key is gone from the keychain too");
    }

    @Test
    void theSessionsNetworkShowsFirstWithItsDefaults() {
        assertEquals(Network.SANDBOX, vm.networkProperty().get());
        assertEquals("The session in use is on sandbox.", vm.sessionNetworkProperty().get());
        assertEquals(null, vm.defaultNetworkProperty().get(), "no network chosen yet");
        assertEquals("The session in use brings its own endpoint, " + world.node.rpcUri() + ", tried before these defaults.",
                vm.ownEndpointProperty().get());
        assertEquals(List.of(new SettingsViewModel.EndpointRow(0, "http://127.0.0.1:5050/rpc/v0_10", true, false)), vm.endpoints());
        assertTrue(vm.usesDefaultsProperty().get());
        assertTrue(vm.listNoteProperty().get().startsWith("The defaults for sandbox"), vm.listNoteProperty().get());
        assertFalse(vm.canRemoveProperty().get(), "nothing picked, and the one endpoint stays");
        vm.select(0);
        assertFalse(vm.canRemoveProperty().get(), "a list keeps one endpoint");
        assertFalse(vm.canMoveUpProperty().get());
        assertFalse(vm.canMoveDownProperty().get());

        vm.networkProperty().set(Network.MAINNET);
        assertEquals(3, vm.endpoints().size());
        assertTrue(vm.endpoints().stream().allMatch(SettingsViewModel.EndpointRow::builtIn));
        assertEquals("https://api.cartridge.gg/x/starknet/mainnet", vm.endpoints().getFirst().shown(),
                "Cartridge first, in full: a public default holds no key");
        assertEquals(-1, vm.selectedProperty().get(), "another list, nothing picked");
        assertEquals("", vm.ownEndpointProperty().get(), "the session's endpoint is not for mainnet");
        assertEquals(null, vm.defaultNetworkProperty().get(), "looking at a list chooses nothing");
        assertSame(dark, vm.darkProperty(), "the theme is the shell's own property");
    }

    @Test
    void aSessionConnectedLaterBringsItsNetworksList() {
        WalletModel fresh = new WalletModel(UiExecutor.direct(), world.model.store(), xyz.cavos.wallet.wallet.ConnectionOptions.DEFAULT,
                new xyz.cavos.wallet.app.LocalSandbox());
        SettingsViewModel before = new SettingsViewModel(fresh, dark, confirmations);
        before.onShown();
        assertEquals(Network.MAINNET, before.networkProperty().get(), "no session, no network chosen: mainnet");
        assertEquals("", before.sessionNetworkProperty().get());
        fresh.connect(world.demo.token(), () -> { }, e -> {
            throw new AssertionError(e);
        });
        assertEquals(Network.SANDBOX, before.networkProperty().get());
        assertEquals("The session in use is on sandbox.", before.sessionNetworkProperty().get());
        before.networkProperty().set(Network.SEPOLIA);
        fresh.refresh();
        assertEquals(Network.SEPOLIA, before.networkProperty().get(), "the same session read again leaves the list chosen alone");
        before.onHidden();
        fresh.walletProperty().get().close();
    }

    @Test
    void endpointsAreAddedCheckedMovedRemovedAndReset() {
        add(base + "/rpc/v0_10");
        add(base + "/rpc/v0_8");
        add(base + "/rpc/v0_9");
        add(base + "/rpc/v1_0");
        assertEquals(4, vm.selectedProperty().get(), "the endpoint added is picked");
        assertFalse(vm.usesDefaultsProperty().get());
        assertTrue(vm.listNoteProperty().get().startsWith("Your list for sandbox"), vm.listNoteProperty().get());
        assertTrue(vm.ownEndpointProperty().get().endsWith("tried after this list."), vm.ownEndpointProperty().get());
        vm.select(0);
        vm.remove(); // the sandbox's default port, where nothing of this test runs
        List<String> four = List.of(base + "/rpc/v0_10", base + "/rpc/v0_8", base + "/rpc/v0_9", base + "/rpc/v1_0");
        assertEquals(four, shown());
        assertEquals(four, stored(Network.SANDBOX), "kept in the config folder");
        assertTrue(vm.endpoints().stream().noneMatch(e -> e.builtIn() || e.inKeychain()), "plain URLs, in the config file");

        world.executor.hold();
        vm.check();
        assertTrue(vm.checkingProperty().get(), "the check runs in the background");
        assertEquals(1, world.executor.waiting());
        vm.check();
        assertEquals(1, world.executor.waiting(), "one check at a time");
        world.executor.release();
        world.executor.finish(0);
        assertFalse(vm.checkingProperty().get());
        assertEquals(List.of("ok", "gone", "not-json", "wrong-chain"), verdicts());
        assertEquals(List.of(SettingsViewModel.Tone.GOOD, SettingsViewModel.Tone.BAD, SettingsViewModel.Tone.BAD,
                SettingsViewModel.Tone.BAD), vm.results().stream().map(SettingsViewModel.CheckRow::tone).toList());
        SettingsViewModel.CheckRow ok = vm.results().getFirst();
        assertEquals(base + "/rpc/v0_10", ok.endpoint());
        assertEquals("sandbox", ok.chain());
        assertTrue(ok.spec().startsWith("0.10"), ok.spec());
        assertTrue(ok.latency().matches("\\d+ ms"), ok.latency());
        assertEquals("yes", ok.batches());
        assertEquals("yes", ok.preConfirmed());
        assertEquals("", ok.problem());
        SettingsViewModel.CheckRow gone = vm.results().get(1);
        assertEquals("—", gone.chain());
        assertEquals("—", gone.latency());
        assertTrue(gone.problem().contains("410"), gone.problem());
        assertFalse(vm.results().get(2).problem().isEmpty());
        assertTrue(vm.results().get(3).problem().contains("mainnet"), vm.results().get(3).problem());
        assertEquals("1 of 4 endpoints for sandbox work; the wallet passes over the others.", vm.checkSummaryProperty().get());

        vm.select(2);
        vm.moveUp();
        assertEquals(List.of(base + "/rpc/v0_10", base + "/rpc/v0_9", base + "/rpc/v0_8", base + "/rpc/v1_0"), shown());
        assertEquals(1, vm.selectedProperty().get(), "the endpoint moved stays picked");
        assertEquals(List.of(), vm.results(), "the check answered for the list as it was");
        assertEquals("", vm.checkSummaryProperty().get());
        vm.moveDown();
        vm.moveDown();
        assertEquals(List.of(base + "/rpc/v0_10", base + "/rpc/v0_8", base + "/rpc/v1_0", base + "/rpc/v0_9"), shown());
        assertEquals(3, vm.selectedProperty().get());
        assertFalse(vm.canMoveDownProperty().get(), "the last cannot go lower");
        vm.remove();
        assertEquals(List.of(base + "/rpc/v0_10", base + "/rpc/v0_8", base + "/rpc/v1_0"), shown());
        assertEquals(shown(), stored(Network.SANDBOX));
        assertEquals(2, vm.selectedProperty().get(), "the one before it is picked");

        vm.check();
        assertEquals(List.of("ok", "gone", "wrong-chain"), verdicts());

        confirmations.answer(false, true);
        vm.reset();
        assertEquals(List.of(base + "/rpc/v0_10", base + "/rpc/v0_8", base + "/rpc/v1_0"), shown(), "a no changes nothing");
        vm.reset();
        assertEquals(List.of("confirm-reset-endpoints", "confirm-reset-endpoints"), confirmations.ids());
        assertEquals(List.of(new SettingsViewModel.EndpointRow(0, "http://127.0.0.1:5050/rpc/v0_10", true, false)), vm.endpoints());
        assertTrue(vm.usesDefaultsProperty().get());
        assertTrue(NetworkSettings.open(home).usesDefaults(Network.SANDBOX));
        assertEquals(List.of(), vm.results());
        vm.reset();
        assertEquals(2, confirmations.asked.size(), "the defaults are not reset again");
    }

    @Test
    void aUrlTheWalletRefusesIsExplainedInlineAndChangesNothing() {
        add(base + "/rpc/v0_10");
        List<String> before = shown();
        for (String bad : List.of("ftp://rpc.example/rpc/v0_10", "rpc.example", "https://")) {
            vm.newUrlProperty().set(bad);
            vm.add();
            assertEquals("The RPC URL is not an http(s) URL such as https://api.cartridge.gg/x/starknet/mainnet.",
                    vm.addErrorProperty().get(), bad);
            assertEquals(bad, vm.newUrlProperty().get(), "the field keeps what was typed, to be corrected");
            assertEquals(before, shown());
            assertEquals(before, stored(Network.SANDBOX));
            assertEquals("", vm.problem().textProperty().get(), "the error is under the field, not a problem");
        }
        vm.newUrlProperty().set("https://rpc.example/rpc/v0_10");
        assertEquals("", vm.addErrorProperty().get(), "typing clears it");

        vm.newUrlProperty().set(" " + base + "/rpc/v0_10 ");
        vm.add();
        assertEquals("That endpoint is already in the list.", vm.addErrorProperty().get());
        assertEquals(before, shown());
    }

    @Test
    void theWalletUsesTheNewEndpointsOnItsNextRefresh() {
        WalletService old = world.model.walletProperty().get();
        assertEquals(List.of(world.node.rpcUri().toString(), "http://127.0.0.1:5050/rpc/v0_10"),
                old.rpcUrls().stream().map(Object::toString).toList(), "the session's own URL, then the sandbox's defaults");
        add(base + "/rpc/v0_11");
        vm.select(0);
        vm.remove();
        assertSame(old, world.model.walletProperty().get(), "nothing reconnects before the wallet is used");

        world.node.setFaults("/rpc/v0_10", FaultPlan.NONE.withGone()); // the session's own URL goes away
        long before = world.node.requests("/rpc/v0_11", "starknet_call");
        world.model.refresh();
        WalletService now = world.model.walletProperty().get();
        assertNotSame(old, now, "the refresh connected again");
        assertEquals(List.of(base + "/rpc/v0_11", world.node.rpcUri().toString()), now.rpcUrls().stream().map(Object::toString).toList(),
                "the person's list first, then the session's own URL");
        assertEquals(WalletModel.Connection.ONLINE, world.model.connectionProperty().get(), world.model.connectionDetailProperty().get());
        assertTrue(world.node.requests("/rpc/v0_11", "starknet_call") > before, "the balances came from the endpoint added");

        world.model.refresh();
        assertSame(now, world.model.walletProperty().get(), "once is enough");
        world.model.tick(Instant.now().plus(WalletModel.RETIRE_AFTER).plusSeconds(1));
        assertTrue(assertThrows(RuntimeException.class, old::snapshot).getMessage().contains("was closed"),
                "the old connection is closed a while later");
    }

    @Test
    void theNetworkChosenIsKeptAndItsListShown() {
        vm.chooseNetwork(Network.SEPOLIA);
        assertEquals(Network.SEPOLIA, vm.defaultNetworkProperty().get());
        assertEquals(Optional.of(Network.SEPOLIA), NetworkSettings.open(home).network());
        assertEquals(Network.SEPOLIA, vm.networkProperty().get(), "the list shown follows the choice");
        assertEquals("https://api.cartridge.gg/x/starknet/sepolia", vm.endpoints().getFirst().shown());
        assertTrue(vm.endpoints().stream().allMatch(SettingsViewModel.EndpointRow::builtIn));

        world.model.refresh();
        assertEquals(WalletModel.Connection.ONLINE, world.model.connectionProperty().get(), "the session names its own network");
        assertTrue(world.model.connectionDetailProperty().get().startsWith("sandbox · block "), world.model.connectionDetailProperty().get());

        NetworkSettings.open(home).addEndpoint(Network.SEPOLIA, "https://rpc.example/rpc/v0_10"); // as the command line would
        vm.onHidden();
        vm.onShown();
        assertEquals("https://rpc.example/rpc/v0_10", vm.endpoints().getLast().shown(), "read again when shown");
        assertFalse(vm.usesDefaultsProperty().get());
    }

    @Test
    void anEndpointWithAKeyIsKeptInTheKeychainAndChecked() {
        SecretScan.requireKeychain(home);
        world.node.setFaults("/gone", FaultPlan.NONE.withGone());
        add(base + "/key/3f9a1c7e5b2d/rpc/v0_10");
        add(base + "/gone/rpc/v0_10");
        vm.select(0);
        vm.remove();
        assertEquals(List.of(new SettingsViewModel.EndpointRow(0, base, false, true), new SettingsViewModel.EndpointRow(1, base, false, true)),
                vm.endpoints(), "shown as scheme, host and port");
        vm.check();
        assertEquals(List.of("ok", "gone"), verdicts(), "the check asks the full URLs, read from the keychain");
        assertEquals(List.of(base, base), vm.results().stream().map(SettingsViewModel.CheckRow::endpoint).toList());
        assertTrue(vm.results().stream().noneMatch(r -> r.problem().contains("3f9a1c7e5b2d")), "the key is never shown");
        confirmations.answer(true);
        vm.reset(); // and the keychain entries go with the list
        assertTrue(vm.usesDefaultsProperty().get());
    }

    @Test
    void endpointsTheAppWasStartedWithAreSaidToOverrideTheLists() {
        WalletModel started = new WalletModel(world.executor, world.model.store(), new xyz.cavos.wallet.wallet.ConnectionOptions(
                Optional.empty(), List.of(world.node.rpcUri().toString()), java.time.Duration.ofSeconds(5)), new xyz.cavos.wallet.app.LocalSandbox());
        SettingsViewModel settings = new SettingsViewModel(started, dark, confirmations);
        settings.onShown();
        try {
            assertTrue(settings.ownEndpointProperty().get().startsWith("This app was started with endpoints of its own"),
                    settings.ownEndpointProperty().get());
        } finally {
            settings.onHidden();
            started.shutdown();
        }
    }
}
