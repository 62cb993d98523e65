package xyz.cavos.wallet.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cavos} command line. */
@Command(name = "cavos",
        mixinStandardHelpOptions = true,
        versionProvider = CavosCommand.Version.class,
        description = "Cavos session keys on Starknet: balances, transfers, policy and session management.",
        subcommands = {SandboxCommand.class, CommandLine.HelpCommand.class})
public final class CavosCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by main and the tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new CavosCommand());
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        spec.commandLine().usage(out);
    }

    /** The version the build wrote into version.properties. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cavos " + version()};
        }

        static String version() {
            Properties properties = new Properties();
            try (InputStream in = CavosCommand.class.getResourceAsStream("/xyz/cavos/wallet/version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                return "unknown";
            }
            return properties.getProperty("version", "unknown");
        }
    }
}
