//! `--help` in the clerk's language. The commands and options are declared once, with clap's
//! derive; their help lines come from the catalogues (`locales/*/help.ftl`), looked up by the
//! command's path: `help-member-add` for `loket member add`, `help-member-add--nik` for its
//! `--nik`. The doc comments on the declarations are what a programmer reads; a test holds the
//! catalogues to a line for every command and option, so none is left in English alone.
//! clap's own error sentences ("unrecognized subcommand") stay as clap writes them.

use clap::{Arg, ArgAction, Command};

use crate::i18n::Lang;

/// The catalogue id of the command at `path` (empty for `loket` itself), or of one of its
/// arguments when `arg` is given.
pub fn id(path: &[&str], arg: Option<&str>) -> String {
    let mut id = String::from("help-");
    id.push_str(&if path.is_empty() {
        "loket".to_string()
    } else {
        path.join("-")
    });
    if let Some(arg) = arg {
        id.push_str("--");
        id.push_str(&arg.replace('_', "-"));
    }
    id
}

/// `cmd` and its subcommands with help lines, headings and the usage line in `lang`.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    let version = lang.get(&id(&[], Some("version"))).unwrap_or_default();
    let cmd = cmd.disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help(version),
    );
    // The options every command shares come after the command's own, not between them.
    let globals: Vec<String> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .map(|a| a.get_id().to_string())
        .collect();
    let cmd = globals.iter().enumerate().fold(cmd, |cmd, (i, g)| {
        cmd.mut_arg(g, |a| a.display_order(900 + i))
    });
    let mut cmd = walk(cmd, lang, &mut Vec::new());
    // clap adds its `help` subcommands when the tree is built; word them once they exist.
    cmd.build();
    help_subcommands(cmd, lang)
}

fn help_subcommands(mut cmd: Command, lang: Lang) -> Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |s| match name.as_str() {
            "help" => s.about(lang.text("help-help")),
            _ => help_subcommands(s, lang),
        });
    }
    cmd
}

fn walk(mut cmd: Command, lang: Lang, path: &mut Vec<String>) -> Command {
    let here: Vec<&str> = path.iter().map(String::as_str).collect();
    if let Some(about) = lang.get(&id(&here, None)) {
        cmd = cmd.about(about).long_about(None);
    }
    // clap's own `--help` is built late, so each command gets one declared here to word it.
    let help = lang.get(&id(&[], Some("help"))).unwrap_or_default();
    cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .display_order(999)
            .help(help),
    );
    let args: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (arg, positional) in args {
        let text = lang.get(&id(&here, Some(&arg)));
        let heading = match positional {
            true => lang.text("help-heading-arguments"),
            false => lang.text("help-heading-options"),
        };
        cmd = cmd.mut_arg(&arg, |a| {
            let a = a.help_heading(heading);
            match text {
                Some(t) => a.help(t).long_help(None),
                None => a,
            }
        });
    }
    // i18n: clap's template placeholders around the catalogue's usage heading
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        lang.text("help-heading-usage")
    );
    cmd = cmd
        .subcommand_help_heading(lang.text("help-heading-commands"))
        .help_template(template);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        path.push(name.clone());
        cmd = cmd.mut_subcommand(&name, |s| walk(s, lang, path));
        path.pop();
    }
    cmd
}

/// clap's refusal of a command line, in `lang`, for the mistakes a clerk makes: a command or
/// option mistyped or missing, a value not among the choices. Others (and `--help` itself,
/// which clap reports the same way) are left to clap.
pub fn explain(e: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind, ErrorKind};
    let get = |k| e.get(k).map(|v| v.to_string()).unwrap_or_default();
    let mut text = match e.kind() {
        ErrorKind::InvalidSubcommand => crate::t!(
            lang,
            "help-error-unknown-command",
            command = get(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::UnknownArgument => crate::t!(
            lang,
            "help-error-unknown-option",
            option = get(ContextKind::InvalidArg)
        ),
        ErrorKind::MissingRequiredArgument => crate::t!(
            lang,
            "help-error-missing",
            options = get(ContextKind::InvalidArg)
        ),
        ErrorKind::InvalidValue => crate::t!(
            lang,
            "help-error-invalid-value",
            value = get(ContextKind::InvalidValue),
            option = get(ContextKind::InvalidArg),
            choices = get(ContextKind::ValidValue)
        ),
        _ => return None,
    };
    let suggested = [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg]
        .into_iter()
        .map(get)
        .find(|s| !s.is_empty());
    if let Some(s) = suggested {
        text.push('\n');
        text.push_str(&crate::t!(lang, "help-error-did-you-mean", suggestion = s));
    }
    let usage = get(ContextKind::Usage);
    // clap writes its usage line under its own English heading; the command after it is ours.
    let command = usage.trim().split_once(' ').map_or("", |(_, rest)| rest);
    if !command.is_empty() {
        text.push_str(&format!(
            "\n\n{} {command}\n",
            lang.text("help-heading-usage")
        ));
        text.push_str(lang.text("help-error-see-help"));
    }
    Some(text)
}

#[cfg(test)]
/// Every id `localize` looks up for `cmd` (as derived, before `localize`), for the test that
/// holds the catalogues to them.
pub fn ids(cmd: &Command) -> Vec<String> {
    let mut all = vec![
        id(&[], Some("help")),
        id(&[], Some("version")),
        "help-help".to_string(),
    ];
    collect(cmd, &mut Vec::new(), &mut all);
    all
}

#[cfg(test)]
fn collect(cmd: &Command, path: &mut Vec<String>, all: &mut Vec<String>) {
    let here: Vec<&str> = path.iter().map(String::as_str).collect();
    all.push(id(&here, None));
    for a in cmd.get_arguments() {
        all.push(id(&here, Some(a.get_id().as_str())));
    }
    for s in cmd.get_subcommands() {
        path.push(s.get_name().to_string());
        collect(s, path, all);
        path.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_command_and_option_has_its_help_line_in_the_catalogues() {
        let missing: Vec<String> = ids(&crate::cli::Cli::command())
            .into_iter()
            .filter(|id| Lang::Id.get(id).is_none())
            .collect();
        assert!(missing.is_empty(), "add to locales/*/help.ftl: {missing:?}");
    }

    #[test]
    fn help_reads_in_the_language_asked_for_and_clap_accepts_the_result() {
        for (lang, usage, line) in [
            (Lang::Id, "Pemakaian:", "Mendaftarkan pemohon"),
            (Lang::En, "Usage:", "Registers an applicant"),
        ] {
            let mut cmd = localize(crate::cli::Cli::command(), lang);
            cmd.build();
            cmd.clone().debug_assert();
            let member = cmd.find_subcommand_mut("member").expect("member");
            let text = member.render_help().to_string();
            assert!(text.contains(usage), "{text}");
            assert!(text.contains(line), "{text}");
            assert!(text.contains(lang.text("help-heading-commands")), "{text}");
        }
    }

    #[test]
    fn a_mistyped_command_line_is_explained_in_the_clerks_language() {
        let cmd = || localize(crate::cli::Cli::command(), Lang::Id);
        let e = cmd()
            .try_get_matches_from(["loket", "membr"])
            .expect_err("refused");
        let text = explain(&e, Lang::Id).expect("explained");
        assert!(
            text.contains("'membr'") && text.contains("member"),
            "{text}"
        );
        assert!(text.contains("Pemakaian: loket"), "{text}");
        let e = cmd()
            .try_get_matches_from(["loket", "report", "daily", "--fromat", "csv"])
            .expect_err("refused");
        let text = explain(&e, Lang::Id).expect("explained");
        assert!(
            text.contains("--fromat") && text.contains("--format"),
            "{text}"
        );
        let e = cmd()
            .try_get_matches_from([
                "loket", "card", "render", "X", "--out", "a.pdf", "--sheet", "a5",
            ])
            .expect_err("refused");
        let text = explain(&e, Lang::Id).expect("explained");
        assert!(text.contains("'a5'") && text.contains("a4"), "{text}");
        let e = cmd()
            .try_get_matches_from(["loket", "member", "--help"])
            .expect_err("help is shown through clap's error path");
        assert!(explain(&e, Lang::Id).is_none());
    }
}
