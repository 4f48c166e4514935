//! `loket serve`: the online registration form. Opens the store and the config like every
//! command, then hands them to the web server until it is stopped.

use super::{CmdResult, Ctx};
use crate::web::{App, WebConfig, serve as run_server};

pub fn serve(ctx: &Ctx, listen: Option<String>) -> CmdResult {
    let web: WebConfig = ctx.config.section("web").map_err(|e| ctx.fail(&e))?;
    let listen = listen.unwrap_or_else(|| web.listen.clone());
    let store = ctx.open_store()?;
    let app = App::new(store, ctx.config.clone(), web, ctx.clock.clone(), ctx.lang);
    run_server(app, &listen).map_err(|e| ctx.fail(&e))
}
