package xyz.cavos.wallet.store;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;

/**
 * The operating system's keychain through java-keyring: macOS Keychain, Windows Credential Manager,
 * the Secret Service (gnome-keyring, KWallet) on Linux. Opening it takes about half a second.
 * <p>
 * java-keyring reports a locked Secret Service keyring with a bare NullPointerException, and a write to an entry of a
 * locked keyring may do nothing without a word; so every failure here is reported as a locked keychain, and every
 * write is read back.
 */
final class KeychainVault implements SecretVault {

    static final String SERVICE = "Cavos Desktop";
    static final String LOCKED = "The keychain is locked: unlock it (for example by logging in to the desktop) and try again.";
    private static final String UNAVAILABLE = "No keychain is available on this system (Cavos Desktop keeps the session key"
            + " in the operating system's keychain: on Linux a Secret Service such as GNOME Keyring or KWallet).";

    private final String account;
    private Keyring keyring;

    KeychainVault(String account) {
        this.account = account;
    }

    @Override
    public String kind() {
        return "keychain";
    }

    @Override
    public String place() {
        return "the OS keychain";
    }

    private synchronized Keyring keyring() {
        if (keyring == null) {
            try {
                keyring = Keyring.create();
            } catch (BackendNotSupportedException | RuntimeException e) {
                throw new StoreException(StoreException.Reason.KEYCHAIN_UNAVAILABLE, UNAVAILABLE,
                        "Start your desktop's keychain (password store) and try again.");
            }
        }
        return keyring;
    }

    @Override
    public synchronized void close() {
        if (keyring != null) {
            try {
                keyring.close();
            } catch (Exception e) {
                // closing on the way out: nothing left to do with a failure
            }
            keyring = null;
        }
    }

    @Override
    public Optional<String> read() {
        try {
            return Optional.of(keyring().getPassword(SERVICE, account));
        } catch (PasswordAccessException e) {
            if (absent(e)) {
                return Optional.empty();
            }
            throw locked();
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw locked();
        }
    }

    /** Replaces the entry and reads it back; when that fails, the entry is put back as it was (if the keychain lets it). */
    @Override
    public void write(String secret) {
        Optional<String> before = read(); // a locked keychain fails here, before anything changed
        try {
            keyring().setPassword(SERVICE, account, secret);
            if (!read().filter(secret::equals).isPresent()) {
                throw locked();
            }
        } catch (PasswordAccessException | RuntimeException e) {
            putBack(before);
            throw e instanceof StoreException stored ? stored : locked();
        }
    }

    private void putBack(Optional<String> before) {
        try {
            if (before.isPresent()) {
                keyring().setPassword(SERVICE, account, before.get());
            } else {
                keyring().deletePassword(SERVICE, account);
            }
        } catch (PasswordAccessException | RuntimeException e) {
            // the write most likely changed nothing: a locked keychain refuses both
        }
    }

    @Override
    public boolean delete() {
        try {
            keyring().deletePassword(SERVICE, account);
            return true;
        } catch (PasswordAccessException e) {
            if (absent(e) || read().isEmpty()) {
                return false;
            }
            throw locked();
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw locked();
        }
    }

    private static boolean absent(PasswordAccessException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("No stored credentials") || message.contains("not found") || message.contains("Could not find");
    }

    private static StoreException locked() {
        return new StoreException(StoreException.Reason.KEYCHAIN_LOCKED, LOCKED,
                "Unlock the keychain and try again; what is stored in it is kept.");
    }
}
