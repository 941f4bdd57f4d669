using System.Collections.Immutable;
using System.Text;
using TuneAdvisor.Evaluation;

namespace TuneAdvisor.Remediation;

/// <summary>
/// Renders tuneadvisor-apply.sh: a POSIX sh script that is a dry run unless given --apply. With --apply it checks
/// it runs as root, backs up the current value of every key it will touch (in sysctl.d format, so
/// <c>sysctl -p BACKUP</c> undoes it), applies each value with <c>sysctl -w</c>, then installs the drop-in beside it
/// into /etc/sysctl.d. Commands and application hints are listed as comments and never run.
/// Every value in the script is a single-quoted shell word (<see cref="ShellText.Quote"/>).
/// </summary>
public static class ApplyScriptWriter
{
    public static string Write(AnalysisResult result, ImmutableArray<PlannedSysctl> plan, ImmutableArray<string> hints)
    {
        var applied = plan.Where(p => p.IsApplied).ToArray();
        var sb = new StringBuilder();
        sb.Append("#!/bin/sh\n");
        sb.Append($"# {RemediationBundle.ScriptName}: applies {RemediationBundle.DropInName} (keep it beside this script), from TuneAdvisor {ShellText.OneLine(result.ToolVersion)}\n");
        foreach (var line in DropInWriter.Header(result).Skip(1).Take(1))
            sb.Append("# ").Append(line).Append('\n');
        sb.Append(Usage);
        sb.Append("set -eu\n\n");
        sb.Append($"count={applied.Length}\n");
        sb.Append(Options);
        sb.Append("\n# The settings of ").Append(RemediationBundle.DropInName).Append(", one line per key: setting KEY VALUE.\n");
        sb.Append("settings() {\n");
        if (applied.Length == 0)
            sb.Append("  :\n");
        foreach (var p in applied)
            sb.Append("  setting ").Append(ShellText.Quote(p.Key)).Append(' ').Append(ShellText.Quote(p.Value!)).Append('\n');
        sb.Append("}\n");
        sb.Append(Main);
        sb.Append("\n# ---------------------------------------------------------------------------------------------\n");
        sb.Append("# Review by hand. This script never runs these:\n");
        if (hints.IsEmpty)
            sb.Append("#   (nothing)\n");
        foreach (var h in hints)
            sb.Append("#   - ").Append(ShellText.OneLine(h)).Append('\n');
        return sb.ToString();
    }

    private const string Usage = """
        #
        # Usage: sh tuneadvisor-apply.sh [--apply] [--backup FILE] [--sysctl-dir DIR]
        #   (no option)       dry run: show each key's current and new value; change nothing
        #   --apply           as root: back up the current values, apply them with sysctl -w, and install
        #                     90-tuneadvisor.conf (kept beside this script) into the sysctl.d directory
        #   --backup FILE     where to save the current values (default: beside this script, timestamped)
        #   --sysctl-dir DIR  where to install the drop-in (default: /etc/sysctl.d)
        # Undo: sysctl -p BACKUP-FILE, then remove the installed 90-tuneadvisor.conf.

        """;

    private const string Options = """
        apply=no
        backup=
        sysctl_dir=/etc/sysctl.d
        here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
        dropin="$here/90-tuneadvisor.conf"

        usage() {
          echo "usage: sh $0 [--apply] [--backup FILE] [--sysctl-dir DIR]"
          echo "Without --apply this is a dry run that changes nothing."
        }

        die() {
          printf '%s: %s\n' "$0" "$1" >&2
          exit "${2:-1}"
        }

        while [ "$#" -gt 0 ]; do
          case "$1" in
            --apply) apply=yes ;;
            --dry-run) apply=no ;;
            --backup)
              [ "$#" -ge 2 ] || die "--backup needs a file name" 2
              backup=$2
              shift ;;
            --sysctl-dir)
              [ "$#" -ge 2 ] || die "--sysctl-dir needs a directory" 2
              sysctl_dir=$2
              shift ;;
            -h|--help) usage; exit 0 ;;
            *) usage >&2; die "unknown argument: $1" 2 ;;
          esac
          shift
        done

        """;

    private const string Main = """

        current_value() {
          sysctl -n "$1" 2>/dev/null
        }

        show() {
          if now=$(current_value "$1"); then :; else now="(not readable)"; fi
          printf '  %s: %s -> %s\n' "$1" "$now" "$2"
        }

        backup_one() {
          if now=$(current_value "$1"); then
            printf '%s = %s\n' "$1" "$now" >>"$backup"
          else
            printf '# %s was not readable before the change\n' "$1" >>"$backup"
          fi
        }

        apply_one() {
          printf '  sysctl -w %s\n' "$1=$2"
          sysctl -w "$1=$2" >/dev/null || die "sysctl -w $1=$2 failed; restore the values changed so far with: sysctl -p $backup"
        }

        setting() {
          case "$action" in
            show) show "$1" "$2" ;;
            backup) backup_one "$1" "$2" ;;
            apply) apply_one "$1" "$2" ;;
          esac
        }

        # for_each_setting ACTION: runs show, backup_one or apply_one for every setting.
        for_each_setting() {
          action=$1
          settings
        }

        if [ "$count" -eq 0 ]; then
          echo "TuneAdvisor recommended no sysctl changes: nothing to do."
          echo "Steps to review by hand, if any, are listed at the end of this script."
          exit 0
        fi
        command -v sysctl >/dev/null 2>&1 || die "sysctl was not found (it is in the procps package)"
        [ -f "$dropin" ] || die "$dropin is missing: keep it beside this script"
        [ -n "$backup" ] || backup="$here/tuneadvisor-backup-$(date -u +%Y%m%dT%H%M%SZ).conf"
        target="$sysctl_dir/90-tuneadvisor.conf"

        if [ "$apply" = no ]; then
          echo "Dry run: nothing is changed. Run with --apply (as root) to make these changes."
          echo "Would set $count sysctl(s) (current -> new):"
          for_each_setting show
          echo "Would back up the current values to $backup"
          echo "Would install $dropin as $target"
        else
          [ "$(id -u)" -eq 0 ] || die "--apply needs root (sysctl -w and $sysctl_dir are root's)"
          [ -d "$sysctl_dir" ] || die "$sysctl_dir is not a directory"
          echo "Backing up the current values to $backup"
          printf '# Values before tuneadvisor-apply.sh ran; restore with: sysctl -p %s\n' "$backup" >"$backup"
          for_each_setting backup
          echo "Applying $count sysctl(s):"
          for_each_setting apply
          if [ -f "$target" ] && ! cmp -s "$dropin" "$target"; then
            cp -p "$target" "$backup.previous-90-tuneadvisor.conf"
            echo "Saved the previous $target as $backup.previous-90-tuneadvisor.conf"
          fi
          cp "$dropin" "$target.tmp.$$"
          chmod 0644 "$target.tmp.$$"
          mv -f "$target.tmp.$$" "$target"
          echo "Installed $target: the values now survive a reboot."
          echo "Undo: sysctl -p $backup && rm $target"
        fi
        echo "Steps to review by hand are listed at the end of this script."
        exit 0

        """;
}
