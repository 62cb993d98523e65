package xyz.cavos.wallet.ui.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.ui.UiExecutor;

/**
 * The lock as the window uses it, driven by the app clock (no sleeping): locked at start with a passphrase, after
 * the idle minutes and when asked; unlocked by the right passphrase only, with a growing wait after wrong ones.
 */
class AppLockTest {

    private static final String PASSPHRASE = "correct horse battery";
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static PassphraseHash hash;

    private final SimpleObjectProperty<Instant> clock = new SimpleObjectProperty<>(START);
    private final List<String> said = new ArrayList<>();
    private PrivacySettings.Keeper keeper;

    @BeforeAll
    static void hashOnce() {
        hash = PassphraseHash.of(PASSPHRASE.toCharArray());
    }

    private AppLock withPassphrase(int idleMinutes) {
        keeper = PrivacySettings.Keeper.inMemory(PrivacySettings.NONE.withPassphrase(Optional.of(hash)).withIdleMinutes(idleMinutes));
        return new AppLock(UiExecutor.direct(), clock, keeper);
    }

    private AppLock without() {
        keeper = PrivacySettings.Keeper.inMemory(PrivacySettings.NONE);
        return new AppLock(UiExecutor.direct(), clock, keeper);
    }

    private void at(Duration since) {
        clock.set(START.plus(since));
    }

    @Test
    void withAPassphraseTheAppStartsLockedWithoutOneItNeverLocks() {
        assertTrue(withPassphrase(5).lockedProperty().get());
        AppLock open = without();
        assertFalse(open.lockedProperty().get());
        at(Duration.ofHours(5));
        assertFalse(open.lockedProperty().get(), "no passphrase: idle time does nothing");
    }

    @Test
    void itLocksAfterTheIdleMinutesByTheAppClockAndAnyEventStartsThemAgain() {
        AppLock lock = withPassphrase(5);
        lock.unlock(PASSPHRASE.toCharArray());
        assertFalse(lock.lockedProperty().get());

        at(Duration.ofMinutes(4).plusSeconds(59));
        assertFalse(lock.lockedProperty().get());
        lock.activity(); // a key or mouse event in the window
        at(Duration.ofMinutes(9).plusSeconds(58));
        assertFalse(lock.lockedProperty().get(), "five minutes since the last event, not since the start");
        at(Duration.ofMinutes(9).plusSeconds(59));
        assertTrue(lock.lockedProperty().get());
    }

    @Test
    void neverMeansNeverAndAnotherIdleTimeIsKept() {
        AppLock lock = withPassphrase(5);
        lock.unlock(PASSPHRASE.toCharArray());
        lock.setIdleMinutes(0);
        at(Duration.ofHours(3));
        assertFalse(lock.lockedProperty().get());
        assertEquals(0, keeper.load().idleMinutes());
        lock.setIdleMinutes(1);
        assertEquals(1, keeper.load().idleMinutes());
        at(Duration.ofHours(3).plusSeconds(60));
        assertTrue(lock.lockedProperty().get());
    }

    @Test
    void ctrlLLocksOnlyWhenThereIsAPassphrase() {
        AppLock open = without();
        assertFalse(open.lock(), "nothing to unlock with: the app stays open and says so");
        assertFalse(open.lockedProperty().get());

        AppLock lock = withPassphrase(0);
        lock.unlock(PASSPHRASE.toCharArray());
        assertTrue(lock.lock());
        assertTrue(lock.lockedProperty().get());
        assertTrue(lock.lock(), "locking a locked app keeps it locked");
        lock.activity();
        assertTrue(lock.lockedProperty().get(), "an event does not unlock it");
    }

    @Test
    void aWrongPassphraseIsSaidAndFromTheThirdTheNextTryWaitsLongerEachTime() {
        AppLock lock = withPassphrase(5);
        lock.unlock("wrong".toCharArray());
        assertTrue(lock.lockedProperty().get());
        assertEquals("That is not the passphrase.", lock.unlockMessageProperty().get());
        assertFalse(lock.waitingProperty().get());
        lock.unlock("wrong again".toCharArray());
        assertEquals("That is not the passphrase (2 wrong tries).", lock.unlockMessageProperty().get());
        assertFalse(lock.waitingProperty().get(), "two tries come at once");

        lock.unlock("third".toCharArray());
        assertTrue(lock.waitingProperty().get());
        assertEquals("That is not the passphrase (3 wrong tries). Try again in 5 s.", lock.unlockMessageProperty().get());
        lock.unlock(PASSPHRASE.toCharArray());
        assertTrue(lock.lockedProperty().get(), "while the wait is on, even the right passphrase is not tried");
        at(Duration.ofSeconds(2));
        assertEquals("That is not the passphrase (3 wrong tries). Try again in 3 s.", lock.unlockMessageProperty().get());
        at(Duration.ofSeconds(5));
        assertFalse(lock.waitingProperty().get());

        lock.unlock("fourth".toCharArray());
        assertEquals("That is not the passphrase (4 wrong tries). Try again in 10 s.", lock.unlockMessageProperty().get());
        at(Duration.ofSeconds(15));
        lock.unlock(PASSPHRASE.toCharArray());
        assertFalse(lock.lockedProperty().get());
        assertEquals("", lock.unlockMessageProperty().get());

        lock.lock();
        lock.unlock("wrong".toCharArray());
        assertFalse(lock.waitingProperty().get(), "the right passphrase started the count again");
    }

    @Test
    void theWaitDoublesUpToFiveMinutes() {
        assertEquals(List.of(0L, 0L, 0L, 5L, 10L, 20L, 40L, 80L, 160L, 300L, 300L, 300L),
                java.util.stream.IntStream.range(0, 12).mapToObj(n -> AppLock.delayAfter(n).toSeconds()).toList());
    }

    @Test
    void setChangeAndRemoveThePassphraseTheCurrentOneAskedEachTime() {
        AppLock lock = without();
        lock.changePassphrase(new char[0], Optional.of("short".toCharArray()), said::add, said::add);
        assertEquals("Choose a passphrase of at least 6 characters.", said.removeLast());
        lock.changePassphrase(new char[0], Optional.of("first passphrase".toCharArray()), said::add, said::add);
        assertEquals("The passphrase is set: the app is locked at start, on Ctrl+L and after 5 idle minutes.", said.removeLast());
        assertTrue(lock.passphraseSetProperty().get());
        assertFalse(lock.lockedProperty().get(), "setting it does not lock the window at once");
        assertTrue(keeper.load().passphrase().orElseThrow().matches("first passphrase".toCharArray()), "kept, as its hash");

        lock.changePassphrase("not it".toCharArray(), Optional.of("second passphrase".toCharArray()), said::add, said::add);
        assertEquals("That is not the current passphrase.", said.removeLast());
        assertTrue(keeper.load().passphrase().orElseThrow().matches("first passphrase".toCharArray()), "unchanged");

        lock.changePassphrase("first passphrase".toCharArray(), Optional.of("second passphrase".toCharArray()), said::add, said::add);
        assertEquals("The passphrase is changed.", said.removeLast());
        assertTrue(keeper.load().passphrase().orElseThrow().matches("second passphrase".toCharArray()));
        lock.lock();
        lock.unlock("first passphrase".toCharArray());
        assertTrue(lock.lockedProperty().get(), "the old passphrase no longer opens it");
        lock.unlock("second passphrase".toCharArray());
        assertFalse(lock.lockedProperty().get());

        lock.changePassphrase("second passphrase".toCharArray(), Optional.empty(), said::add, said::add);
        assertEquals("The passphrase is removed: the app no longer locks.", said.removeLast());
        assertFalse(lock.passphraseSetProperty().get());
        assertTrue(keeper.load().passphrase().isEmpty());
        assertFalse(lock.lock());
    }

    @Test
    void theArraysHandedInAreWipedOnceChecked() {
        AppLock lock = withPassphrase(5);
        char[] typed = PASSPHRASE.toCharArray();
        lock.unlock(typed);
        assertFalse(lock.lockedProperty().get());
        assertEquals(new String(new char[PASSPHRASE.length()]), new String(typed));
    }

    @Test
    void hiddenAmountsAreKeptForTheNextStart() {
        AppLock lock = without();
        lock.hideAmountsProperty().set(true);
        assertTrue(keeper.load().hideAmounts());
        assertTrue(new AppLock(UiExecutor.direct(), clock, keeper).hideAmountsProperty().get());
        lock.hideAmountsProperty().set(false);
        assertFalse(keeper.load().hideAmounts());
    }

    @Test
    void desktopNotificationsOnByDefaultAndSwitchedOffForTheNextStart() {
        AppLock lock = without();
        assertTrue(lock.desktopNotificationsProperty().get(), "on until switched off");
        lock.desktopNotificationsProperty().set(false);
        assertFalse(keeper.load().desktopNotifications());
        assertFalse(new AppLock(UiExecutor.direct(), clock, keeper).desktopNotificationsProperty().get());
    }
}
