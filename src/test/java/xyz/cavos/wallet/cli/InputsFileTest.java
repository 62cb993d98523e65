package xyz.cavos.wallet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.wallet.WalletError;

/** {@code --calls @FILE} when the file cannot be read: the message says why in words. */
class InputsFileTest {

    @TempDir
    Path folder;

    @Test
    void aMissingFileIsNamedAsMissing() {
        Path file = folder.resolve("calls.json");
        assertEquals("Could not read --calls @" + file + ": there is no such file.", refusal("@" + file).getMessage());
    }

    @Test
    void aFolderIsNamedAsAFolder() {
        assertEquals("Could not read --calls @" + folder + ": it is a folder.", refusal("@" + folder).getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsNamedSo() throws Exception {
        Path file = Files.write(folder.resolve("calls.json"), new byte[] {'[', (byte) 0xE9, ']'});
        assertEquals("Could not read --calls @" + file + ": it is not UTF-8 text.", refusal("@" + file).getMessage());
    }

    @Test
    void aNameWithANulCharacterIsAUsageError() {
        WalletError error = refusal("@calls\0.json");
        assertEquals(WalletError.Code.INVALID_CALLDATA, error.code());
        assertEquals("Could not read --calls @calls\0.json: that is not a file name.", error.getMessage());
    }

    private static WalletError refusal(String calls) {
        return assertThrows(WalletError.class, () -> Inputs.calls(calls));
    }
}
