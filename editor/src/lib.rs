//! `lighthouse-kiosk edit`: a small web server that lets staff change one content folder in
//! a browser, with forms, a preview made by the kiosk's own UI, and undo. The files stay the
//! source of truth: the editor reads them, checks a draft exactly as `check` does, and
//! writes them back in their canonical form.
//!
//! Every request is treated as hostile (see `guard.rs`): the server can write the folder.

mod api;
mod assets;
mod content;
mod fleet;
mod guard;
mod history;
mod photos;
mod session;
mod state;

#[cfg(test)]
mod tests;

use state::Editor;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// How the editor is started.
#[derive(Debug, Clone)]
pub struct Options {
    /// The content folder it edits.
    pub dir: PathBuf,
    /// Where it listens. `None`: this PC only (127.0.0.1), on a free port, entered with a
    /// one-time link. `Some`: the office network, entered with the staff PIN.
    pub listen: Option<SocketAddr>,
    /// Where the photos' preview pictures are kept.
    pub cache: PathBuf,
}

/// The editor is up.
#[derive(Debug, Clone)]
pub struct Started {
    pub address: SocketAddr,
    /// The one-time link that logs this PC's browser in (local use only).
    pub login_link: Option<String>,
}

/// Why the editor could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{0} is not a content folder (it has no settings.json); run `lighthouse-kiosk init {0}` to make one")]
    NotContent(String),
    #[error("the editor serves the office network only when a staff PIN is set: run `lighthouse-kiosk pin --write {0}` first")]
    NoPin(String),
    #[error("cannot listen on {0}: {1}")]
    Listen(String, std::io::Error),
    #[error("the system gives no randomness to make a login key")]
    NoRandomness,
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Runs the editor until Ctrl-C (or SIGTERM); `started` is told where it listens.
pub fn run(options: Options, started: impl FnOnce(&Started)) -> Result<(), StartError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let (listener, editor, info) = bind(options).await?;
        started(&info);
        serve(listener, editor, shutdown_signal()).await
    })
}

/// Binds the listening socket and makes the editor's state.
async fn bind(
    options: Options,
) -> Result<(tokio::net::TcpListener, Arc<Editor>, Started), StartError> {
    let shown = options.dir.display().to_string();
    if !options
        .dir
        .join(lighthouse_core::model::SETTINGS_FILE)
        .is_file()
    {
        return Err(StartError::NotContent(shown));
    }
    let local = options.listen.is_none();
    if !local && content::pin_hash(&options.dir).is_none() {
        return Err(StartError::NoPin(shown));
    }
    let address = options
        .listen
        .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 0)));
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|err| StartError::Listen(address.to_string(), err))?;
    let address = listener.local_addr()?;
    let editor = Arc::new(Editor::new(options, address));
    let login_link = if local {
        let key = editor
            .sessions
            .lock()
            .await
            .new_login_key()
            .ok_or(StartError::NoRandomness)?;
        Some(format!("http://{address}/login?key={key}"))
    } else {
        None
    };
    Ok((
        listener,
        editor,
        Started {
            address,
            login_link,
        },
    ))
}

async fn serve(
    listener: tokio::net::TcpListener,
    editor: Arc<Editor>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), StartError> {
    let app = api::router(editor);
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await?;
    Ok(())
}

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    let mut terminate =
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(signal) => signal,
            Err(_) => {
                let _ = interrupt.await;
                return;
            }
        };
    tokio::select! {
        _ = interrupt => {},
        _ = terminate.recv() => {},
    }
}
