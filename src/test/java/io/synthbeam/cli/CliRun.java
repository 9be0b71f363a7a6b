package io.synthbeam.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line as the launcher would, capturing stdout, stderr and the exit code. */
record CliRun(int code, String out, String err) {

  static CliRun of(Backend backend, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = SynthBeamCli.commandLine(backend);
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The stderr lines. */
  String[] errLines() {
    return err.isEmpty() ? new String[0] : err.split("\n");
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- out:\n" + out + "--- err:\n" + err;
  }
}
