package xyz.cavos.wallet.store;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;

/**
 * The operating system's keychain through java-keyring: macOS Keychain, Windows Credential Manager,
 * the Secret Service (gnome-keyring, KWallet) on Linux. Opening it takes about half a second.
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
            String message = String.valueOf(e.getMessage());
            if (message.contains("No stored credentials") || message.contains("not found") || message.contains("Could not find")) {
                return Optional.empty();
            }
            throw locked(e);
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            // java-keyring throws a bare NullPointerException when the Secret Service keyring is locked
            throw locked(e);
        }
    }

    @Override
    public void write(String secret) {
        try {
            keyring().setPassword(SERVICE, account, secret);
        } catch (StoreException e) {
            throw e;
        } catch (PasswordAccessException | RuntimeException e) {
            throw locked(e);
        }
    }

    @Override
    public void delete() {
        try {
            keyring().deletePassword(SERVICE, account);
        } catch (PasswordAccessException e) {
            // nothing stored: nothing to delete
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw locked(e);
        }
    }

    private static StoreException locked(Exception e) {
        return new StoreException(StoreException.Reason.KEYCHAIN_LOCKED, LOCKED,
                "Unlock the keychain and try again; what is stored in it is kept.");
    }
}
