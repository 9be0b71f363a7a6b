package io.synthbeam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Every option and parameter of every command says what it does; --log-format json works. */
class OptionDescriptionsTest {
  @Test
  void everyOptionOfEveryCommandHasADescription() {
    CommandLine top = SynthBeamCli.commandLine(new FakeBackend());
    List<String> missing = new ArrayList<>();
    List<CommandSpec> commands = new ArrayList<>();
    commands.add(top.getCommandSpec());
    top.getSubcommands().values().forEach(c -> commands.add(c.getCommandSpec()));
    for (CommandSpec command : commands) {
      assertTrue(command.usageMessage().description().length > 0
          && !command.usageMessage().description()[0].isBlank(),
          command.qualifiedName() + " has a description");
      List<ArgSpec> args = new ArrayList<>(command.options());
      args.addAll(command.positionalParameters());
      for (ArgSpec arg : args) {
        String[] text = arg.description();
        if (text.length == 0 || String.join("", text).isBlank()) {
          missing.add(command.qualifiedName() + " " + arg.paramLabel());
        }
      }
      String help = new CommandLine(command).getUsageMessage();
      for (ArgSpec option : command.options()) {
        String name = ((CommandLine.Model.OptionSpec) option).longestName();
        assertTrue(help.contains(name), name + " in the help of " + command.qualifiedName());
      }
    }
    assertEquals(List.of(), missing, "options without a description");
    assertTrue(top.getSubcommands().containsKey("run"), "run is a command");
  }

  @Test
  void jsonLogFormatWritesOneObjectPerLine() throws Exception {
    CliRun ok = CliRun.of(new FakeBackend(), "run", "pipelines/transactions-rebalance.yaml",
        "--check", "--log-format", "json");
    assertEquals(0, ok.code(), ok.toString());
    JsonNode line = new ObjectMapper().readTree(ok.out().strip());
    assertEquals("info", line.path("level").asText());
    assertEquals("stdout", line.path("stream").asText());
    assertTrue(line.path("message").asText().endsWith("the spec is valid (8 input columns)"),
        ok.out());
    assertTrue(line.path("time").asText().endsWith("Z"), ok.out());

    CliRun bad = CliRun.of(new FakeBackend(), "run", "pipelines/nothing.yaml", "--check",
        "--log-format", "JSON");
    assertEquals(2, bad.code(), bad.toString());
    for (String text : bad.errLines()) {
      JsonNode node = new ObjectMapper().readTree(text);
      assertTrue(node.has("message"), text);
    }
    JsonNode first = new ObjectMapper().readTree(bad.errLines()[0]);
    assertEquals("error", first.path("level").asText(), bad.err());
    assertTrue(first.path("message").asText().contains("spec file not found"), bad.err());
  }
}
