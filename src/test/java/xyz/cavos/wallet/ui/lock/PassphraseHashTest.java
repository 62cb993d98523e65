package xyz.cavos.wallet.ui.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The app passphrase's Argon2id hash: the right passphrase matches, any other does not, a damaged hash is refused. */
class PassphraseHashTest {

    @Test
    void theRightPassphraseMatchesAndAnyOtherDoesNot() {
        PassphraseHash hash = PassphraseHash.of("correct horse".toCharArray());
        assertTrue(hash.matches("correct horse".toCharArray()));
        assertFalse(hash.matches("correct hors".toCharArray()));
        assertFalse(hash.matches("Correct horse".toCharArray()));
        assertFalse(hash.matches("correct horse ".toCharArray()));
        assertFalse(hash.matches(new char[0]));
    }

    @Test
    void nonAsciiPassphrasesAreHashedAsUtf8() {
        PassphraseHash hash = PassphraseHash.of("mot de passe éèà 🔒".toCharArray());
        assertTrue(hash.matches("mot de passe éèà 🔒".toCharArray()));
        assertFalse(hash.matches("mot de passe eea 🔒".toCharArray()));
    }

    @Test
    void argon2idWithTheVaultsParametersAndAFreshSaltEachTime() {
        PassphraseHash one = PassphraseHash.of("correct horse".toCharArray());
        PassphraseHash two = PassphraseHash.of("correct horse".toCharArray());
        assertEquals(64 * 1024, one.memoryKiB());
        assertEquals(3, one.iterations());
        assertEquals(1, one.parallelism());
        assertEquals(16, one.salt().length);
        assertEquals(32, one.hash().length);
        assertFalse(Arrays.equals(one.salt(), two.salt()), "a random salt each time");
        assertFalse(Arrays.equals(one.hash(), two.hash()));
        assertNotEquals(one, two);
    }

    @Test
    void whatIsKeptComesBackAndStillMatches() {
        PassphraseHash made = PassphraseHash.of("correct horse".toCharArray());
        PassphraseHash restored = PassphraseHash.restore("argon2id", made.memoryKiB(), made.iterations(), made.parallelism(),
                made.salt(), made.hash());
        assertEquals(made, restored);
        assertTrue(restored.matches("correct horse".toCharArray()));
    }

    @Test
    void aHashWithAnotherByteDoesNotMatch() {
        PassphraseHash made = PassphraseHash.of("correct horse".toCharArray());
        byte[] changed = made.hash();
        changed[7] ^= 1;
        PassphraseHash tampered = PassphraseHash.restore("argon2id", made.memoryKiB(), made.iterations(), made.parallelism(),
                made.salt(), changed);
        assertFalse(tampered.matches("correct horse".toCharArray()));
    }

    @Test
    void partsOutOfBoundsAreRefusedSayingWhichAndWhy() {
        byte[] salt = new byte[16];
        byte[] hash = new byte[32];
        assertEquals("its kdf is \"argon2i\", where Cavos Desktop writes argon2id",
                assertThrows(IllegalArgumentException.class, () -> PassphraseHash.restore("argon2i", 65536, 3, 1, salt, hash)).getMessage());
        assertEquals("its memoryKiB is 4194304, where Cavos Desktop writes a whole number from 8192 to 1048576",
                assertThrows(IllegalArgumentException.class, () -> PassphraseHash.restore("argon2id", 4 << 20, 3, 1, salt, hash))
                        .getMessage());
        assertEquals("its iterations is 1000000, where Cavos Desktop writes a whole number from 1 to 10",
                assertThrows(IllegalArgumentException.class, () -> PassphraseHash.restore("argon2id", 65536, 1_000_000, 1, salt, hash))
                        .getMessage());
        assertEquals("its parallelism is 0, where Cavos Desktop writes a whole number from 1 to 16",
                assertThrows(IllegalArgumentException.class, () -> PassphraseHash.restore("argon2id", 65536, 3, 0, salt, hash)).getMessage());
        assertEquals("its salt has 4 bytes, where Cavos Desktop writes 16 to 64",
                assertThrows(IllegalArgumentException.class, () -> PassphraseHash.restore("argon2id", 65536, 3, 1, new byte[4], hash))
                        .getMessage());
        assertEquals("its hash has 0 bytes, where Cavos Desktop writes 32 to 64",
                assertThrows(IllegalArgumentException.class, () -> PassphraseHash.restore("argon2id", 65536, 3, 1, salt, new byte[0]))
                        .getMessage());
    }

    @Test
    void anEmptyPassphraseIsNotHashed() {
        assertThrows(IllegalArgumentException.class, () -> PassphraseHash.of(new char[0]));
    }

    @Test
    void itsTextNamesTheParametersOnly() {
        PassphraseHash made = PassphraseHash.of("correct horse".toCharArray());
        String text = made.toString();
        assertEquals("PassphraseHash[argon2id, 65536 KiB, 3 passes, 1 lanes]", text);
        assertFalse(text.contains(java.util.Base64.getEncoder().encodeToString(made.hash())));
    }
}
