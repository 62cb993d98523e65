package xyz.cavos.wallet.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paymaster kept in the settings: its URL in the config file, its API key in the OS keychain and nowhere on disk. */
class PaymasterSettingsIT {

    private static final String KEY = "pm-key-5f2c9a71d3e84b06";

    @TempDir
    Path home;

    @AfterEach
    void forget() {
        NetworkSettings.open(home).setPaymasterApiKey(Optional.empty());
    }

    @Test
    void theKeyIsKeptInTheKeychainAndOnlyNotedInTheFile() throws Exception {
        NetworkSettings settings = NetworkSettings.open(home);
        settings.setPaymaster(Optional.of("https://paymaster.example/v1"));
        settings.setPaymasterApiKey(Optional.of(" " + KEY + "\n"));

        NetworkSettings.View view = NetworkSettings.open(home).show();
        assertEquals(Optional.of("https://paymaster.example"), view.paymaster(), "a URL with a path may hold a key: shown as its host");
        assertTrue(view.paymasterApiKeySet());
        String file = Files.readString(home.resolve("config.json"));
        assertFalse(file.contains(KEY), file);

        FeePayment.Paymaster paymaster = NetworkSettings.open(home).paymaster().orElseThrow();
        assertEquals("https://paymaster.example/v1", paymaster.url().toString());
        assertTrue(paymaster.apiKey().isPresent());
        assertFalse(paymaster.toString().contains(KEY), paymaster.toString());
    }

    @Test
    void removingTheKeyTakesItOutOfTheKeychain() {
        NetworkSettings settings = NetworkSettings.open(home);
        settings.setPaymaster(Optional.of("https://paymaster.example/v1"));
        settings.setPaymasterApiKey(Optional.of(KEY));
        settings.setPaymasterApiKey(Optional.empty());

        assertFalse(NetworkSettings.open(home).show().paymasterApiKeySet());
        assertEquals(Optional.empty(), NetworkSettings.open(home).paymaster().orElseThrow().apiKey());
    }

    @Test
    void aKeyNoHeaderCouldCarryIsRefusedAndNothingIsKept() {
        NetworkSettings settings = NetworkSettings.open(home);
        WalletError error = assertThrows(WalletError.class, () -> settings.setPaymasterApiKey(Optional.of("two words")));
        assertEquals(WalletError.Code.INVALID_ARGUMENT, error.code());
        assertTrue(error.getMessage().contains("not printable ASCII"), error.getMessage());
        assertFalse(error.getMessage().contains("two words"), error.getMessage());
        assertFalse(settings.show().paymasterApiKeySet());
    }

    @Test
    void aKeyNeedsAPaymasterAndAnotherPaymasterDoesNotGetIt() {
        NetworkSettings settings = NetworkSettings.open(home);
        WalletError none = assertThrows(WalletError.class, () -> settings.setPaymasterApiKey(Optional.of(KEY)));
        assertEquals(WalletError.Code.INVALID_ARGUMENT, none.code());
        assertTrue(none.getMessage().startsWith("No paymaster is set"), none.getMessage());

        settings.setPaymaster(Optional.of("https://paymaster-a.example/v1"));
        settings.setPaymasterApiKey(Optional.of(KEY));
        settings.setPaymaster(Optional.of("https://paymaster-a.example/v1"));
        assertTrue(NetworkSettings.open(home).paymaster().orElseThrow().apiKey().isPresent(), "the same paymaster keeps its key");

        settings.setPaymaster(Optional.of("https://paymaster-b.example/v1"));
        assertFalse(NetworkSettings.open(home).show().paymasterApiKeySet());
        assertEquals(Optional.empty(), NetworkSettings.open(home).paymaster().orElseThrow().apiKey(), "B never gets A's key");
        settings.setPaymaster(Optional.of("https://paymaster-a.example/v1"));
        assertEquals(Optional.empty(), NetworkSettings.open(home).paymasterApiKey(), "and A's key was forgotten, not parked");
    }
}
