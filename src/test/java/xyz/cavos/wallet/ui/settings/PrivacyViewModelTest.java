package xyz.cavos.wallet.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.ui.UiExecutor;
import xyz.cavos.wallet.ui.lock.AppLock;
import xyz.cavos.wallet.ui.lock.PrivacySettings;

/** Settings' "Lock and privacy": a new passphrase typed twice, the current one asked to change or remove it. */
class PrivacyViewModelTest {

    private final PrivacySettings.Keeper keeper = PrivacySettings.Keeper.inMemory(PrivacySettings.NONE);
    private final AppLock lock = new AppLock(UiExecutor.direct(), new SimpleObjectProperty<>(Instant.EPOCH), keeper);
    private final PrivacyViewModel vm = new PrivacyViewModel(lock);

    private void type(String current, String next, String repeat) {
        vm.currentProperty().set(current);
        vm.nextProperty().set(next);
        vm.repeatProperty().set(repeat);
    }

    @Test
    void aNewPassphraseIsTypedTwiceTheSameAndThenTheStatusSaysWhenTheAppLocks() {
        assertEquals("No app passphrase: the app does not lock.", vm.statusProperty().get());
        type("", "", "");
        vm.save();
        assertEquals("Type the new passphrase.", vm.errorProperty().get());
        type("", "first passphrase", "first passphrase!");
        vm.save();
        assertEquals("The two new passphrases are not the same.", vm.errorProperty().get());
        assertFalse(lock.passphraseSetProperty().get());

        type("", "first passphrase", "first passphrase");
        vm.save();
        assertEquals("", vm.errorProperty().get());
        assertTrue(lock.passphraseSetProperty().get());
        assertEquals("", vm.nextProperty().get(), "the fields are emptied");
        assertEquals("The app is locked at start, on Ctrl+L and after 5 minutes without a key or mouse event in the window.",
                vm.statusProperty().get());
        vm.chooseIdle(0);
        assertEquals("The app is locked at start, on Ctrl+L.", vm.statusProperty().get());
        assertEquals(0, keeper.load().idleMinutes());
    }

    @Test
    void changingOrRemovingAsksForTheCurrentPassphrase() {
        type("", "first passphrase", "first passphrase");
        vm.save();

        type("", "second passphrase", "second passphrase");
        vm.save();
        assertEquals("Type the current passphrase first.", vm.errorProperty().get());
        vm.remove();
        assertEquals("Type the current passphrase first.", vm.errorProperty().get());
        type("wrong one", "", "");
        vm.remove();
        assertEquals("That is not the current passphrase.", vm.errorProperty().get());
        assertTrue(lock.passphraseSetProperty().get());

        type("first passphrase", "", "");
        vm.remove();
        assertEquals("The passphrase is removed: the app no longer locks.", vm.resultProperty().get());
        assertFalse(lock.passphraseSetProperty().get());
        assertTrue(keeper.load().passphrase().isEmpty());
    }

    @Test
    void theCardSaysTheCommandLineIsNotAffected() {
        assertTrue(PrivacyViewModel.SCOPE.contains("The command line is not affected by this lock."));
    }
}
