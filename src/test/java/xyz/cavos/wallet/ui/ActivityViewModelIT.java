package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.FaultPlan;
import xyz.cavos.wallet.sandbox.ProviderLimits;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.ui.activity.ActivityViewModel;

/** Activity against a real in-process sandbox: the lines a person reads, paging, a session change, errors, export. */
class ActivityViewModelIT {

    @TempDir
    Path home;

    private SandboxWallet world;
    private ActivityViewModel vm;

    @BeforeEach
    void connect() {
        world = new SandboxWallet(home);
        vm = new ActivityViewModel(world.model, ZoneId.of("Europe/Paris"));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private List<String> lines() {
        return vm.rows().stream().map(r -> r.what() + " " + r.amount() + " " + r.status()).toList();
    }

    @Test
    void aContactIsNamedInTheHistory() {
        world.model.addressBook().add("Alice", SandboxWallet.RECIPIENT, java.util.Optional.empty());
        world.send("1.5");
        vm.onShown();
        ActivityViewModel.Row sent = vm.rows().stream().filter(r -> r.what().equals("Sent")).findFirst().orElseThrow();
        assertEquals("Alice · " + SandboxWallet.RECIPIENT.toPaddedHex(), sent.counterparty());
    }

    @Test
    void theFirstPageIsReadWhenShownWithLocalTimesAndUtcBeside() {
        world.send("1.5");
        world.node.mint(world.demo.address(), Token.ETH, U256.parseAmount("0.25", 18));
        vm.onShown();
        List<String> lines = lines();
        assertEquals("Received +0.25 ETH Accepted", lines.get(0));
        assertEquals("Sent −1.5 STRK Accepted", lines.get(1));
        assertTrue(lines.get(2).startsWith("Fee −0.00") && lines.get(2).endsWith(" STRK Accepted"), lines.get(2));
        assertEquals("Session registered  Accepted", lines.get(3));
        ActivityViewModel.Row sent = vm.rows().get(1);
        assertEquals(SandboxWallet.RECIPIENT.toPaddedHex(), sent.counterparty());
        assertTrue(sent.timeInFull().contains(" UTC"), sent.timeInFull());
        assertFalse(sent.time().isEmpty());
        assertEquals(66, sent.hash().length(), "0x and 64 hex digits");
        assertEquals("", sent.link(), "the sandbox has no explorer");
        assertFalse(vm.moreProperty().get());
        assertEquals("", vm.placeholderProperty().get());
    }

    @Test
    void loadMoreReadsOlderPagesThroughAnEndpointThatCapsEventRanges() {
        for (int i = 0; i < 30; i++) {
            world.node.mint(world.demo.address(), Token.USDC, U256.parseAmount(Integer.toString(i + 1), 6));
            for (int b = 0; b < 6; b++) {
                world.node.createBlock();
            }
        }
        world.node.setLimits(new ProviderLimits(false, 5));
        vm.onShown();
        assertEquals(25, vm.rows().size(), "a page");
        assertTrue(vm.moreProperty().get());
        vm.loadMore();
        assertFalse(vm.moreProperty().get());
        List<String> lines = lines();
        assertEquals(31, lines.size(), "30 transfers in and the registration: " + lines);
        assertEquals(31, lines.stream().distinct().count(), "no line twice");
        assertEquals("Received +30 USDC Accepted", lines.getFirst());
        assertEquals("Received +5 USDC Accepted", lines.get(25), "the second page starts where the first stopped");
        assertEquals("Session registered  Accepted", lines.getLast());
    }

    @Test
    void anUnreachableNodeShowsTheProblemAndAnotherSessionStartsAfresh() {
        world.node.setFaults(new FaultPlan(0, 0, 1, 0, 0));
        vm.onShown();
        assertFalse(vm.problem().textProperty().get().isEmpty(), "the failure is shown");
        assertEquals("The history could not be read.", vm.placeholderProperty().get());
        world.node.setFaults(FaultPlan.NONE);
        vm.refresh();
        assertEquals("", vm.problem().textProperty().get());
        assertEquals(1, vm.rows().size());

        world.connectAnotherSession();
        assertEquals(List.of("Session registered  Accepted"), lines(), "the other session's own registration, nothing of the first");
    }

    @Test
    void theHistoryIsSavedAsCsvAndJson() throws Exception {
        world.send("2");
        vm.onShown();
        Path csv = home.resolve("activity.csv");
        vm.exportTo(csv, ActivityViewModel.ExportFormat.CSV);
        assertEquals("Saved 3 entries as CSV to " + csv + ".", vm.resultProperty().get());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).contains(",sent,out,2.0,STRK,"), lines.get(1));
        Path json = home.resolve("activity.json");
        vm.exportTo(json, ActivityViewModel.ExportFormat.JSON);
        assertTrue(Files.readString(json).contains("\"amount\" : \"2.0\""), Files.readString(json));
        vm.exportTo(home.resolve("missing-folder").resolve("x.csv"), ActivityViewModel.ExportFormat.CSV);
        assertTrue(vm.problem().textProperty().get().startsWith("Could not save "), vm.problem().textProperty().get());
    }
}
