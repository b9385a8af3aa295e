import Foundation
import Testing

/// `calltask --generate-completion-script bash|zsh|fish` (swift-argument-parser) covers every command,
/// and the bash script completes.
struct CompletionScriptTests {
    @Test("a completion script for each shell names the commands and their flags", arguments: ["bash", "zsh", "fish"])
    func script(shell: String) async throws {
        let workspace = try Workspace()
        let result = try await calltask(["--generate-completion-script", shell], in: workspace, simulator: nil)
        #expect(result.status == 0, "\(result)")
        for word in ["validate", "plan", "apply", "export", "show", "recover", "connect-timeout", "max-changes"] {
            #expect(result.stdout.contains(word), "\(shell) script lacks \(word)")
        }
    }

    @Test("the bash script completes commands, flags and --format values")
    func bashCompletes() async throws {
        let bash = "/bin/bash"
        guard FileManager.default.isExecutableFile(atPath: bash) else { return }
        let workspace = try Workspace()
        let script = try await calltask(["--generate-completion-script", "bash"], in: workspace, simulator: nil)
        try workspace.write("completion.bash", script.stdout)
        // The script calls `calltask` for dynamic completions; none is needed for these words.
        let probe = """
            source completion.bash
            complete_words() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
              COMPREPLY=(); _calltask calltask "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"; echo "${COMPREPLY[*]}"; }
            complete_words calltask sh
            complete_words calltask apply --format ""
            complete_words calltask plan --conn
            """
        try workspace.write("probe.bash", probe)
        let child = ChildProcess(URL(fileURLWithPath: bash), ["probe.bash"], environment: ["PATH": "/usr/bin:/bin"],
                                 directory: workspace.url)
        try child.start(timeout: 30)
        let outcome = await child.wait()
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout == "show\ntext json\n--connect-timeout\n", "\(outcome)")
    }
}
