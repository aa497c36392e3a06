//! The only code that touches `Blob`, `File`, object URLs and downloads, the clipboard the app
//! writes to, and the fetch of a published dataset beside the app.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `contents` as a download named `file_name`.
pub fn download_text(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    download_parts(file_name, mime, &parts)
}

/// Offers raw bytes as a download (PNG export).
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    download_parts(file_name, mime, &parts)
}

/// Offers an existing blob as a download.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(describe)?;
    let result = click_link(file_name, &url);
    // The click has started the download synchronously; the URL is not needed any more.
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

fn download_parts(file_name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(parts, &options).map_err(describe)?;
    download_blob(file_name, &blob)
}

fn click_link(file_name: &str, url: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| "could not create a link".to_string())?;
    link.set_href(url);
    link.set_download(file_name);
    link.set_rel("noopener");
    let body = document.body().ok_or("no body")?;
    body.append_child(&link).map_err(describe)?;
    link.click();
    let _ = body.remove_child(&link);
    Ok(())
}

/// Reads a user's file completely as bytes.
pub async fn read_file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(describe)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn describe(error: wasm_bindgen::JsValue) -> String {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        format!("{}: {}", exception.name(), exception.message())
    } else {
        error
            .as_string()
            .unwrap_or_else(|| "the browser refused".to_string())
    }
}

/// Today's date as `YYYY-MM-DD` in the user's time zone, for file names.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Draws SVG markup on a canvas at `scale` times its `width` × `height` and returns the picture as a
/// PNG blob (the charts' PNG export). The markup travels as a data URL, so the canvas is never
/// tainted and the picture can be read back.
pub async fn chart_svg_to_png(
    svg: &str,
    width: u32,
    height: u32,
    scale: f64,
) -> Result<web_sys::Blob, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let image = web_sys::HtmlImageElement::new().map_err(describe)?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        image.set_onload(Some(&resolve));
        image.set_onerror(Some(&reject));
    });
    let encoded = String::from(js_sys::encode_uri_component(svg));
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
    JsFuture::from(loaded)
        .await
        .map_err(|_| "the browser could not draw the chart".to_string())?;

    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| "could not create a canvas".to_string())?;
    canvas.set_width((f64::from(width) * scale).round() as u32);
    canvas.set_height((f64::from(height) * scale).round() as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(describe)?
        .ok_or("the browser has no 2D canvas")?
        .dyn_into()
        .map_err(|_| "the browser has no 2D canvas".to_string())?;
    context.scale(scale, scale).map_err(describe)?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
        .map_err(describe)?;

    let mut refused: Option<String> = None;
    let encoded = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Err(error) = canvas.to_blob_with_type(&resolve, "image/png") {
            refused = Some(describe(error));
        }
    });
    if let Some(error) = refused {
        return Err(error);
    }
    let blob = JsFuture::from(encoded).await.map_err(describe)?;
    blob.dyn_into::<web_sys::Blob>()
        .map_err(|_| "the browser could not encode the PNG".to_string())
}

/// Writes `text` to the clipboard. A browser without the asynchronous clipboard (or one that refuses
/// it, as outside a secure context) gives an error, for the caller to offer the text to copy by hand.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let navigator = web_sys::window().ok_or("no window")?.navigator();
    // `navigator.clipboard` is missing in some contexts; calling it then would throw.
    let present = js_sys::Reflect::get(&navigator, &wasm_bindgen::JsValue::from_str("clipboard"))
        .map(|value| !value.is_undefined() && !value.is_null())
        .unwrap_or(false);
    if !present {
        return Err("no clipboard".to_string());
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .map(|_| ())
        .map_err(describe)
}

/// The status text of the service worker's answer for a file it can neither fetch nor serve from its
/// cache (`scripts/sw-template.js`, `offline()`): a 503 with it means "no network", not a server's
/// refusal.
const OFFLINE_STATUS_TEXT: &str = "Offline";

/// Fetches a published dataset (or the catalogue) at `link`, relative to the app's own address.
/// The link passes the model's rules first; then the browser resolves it and the result must still be
/// on this origin, in the app's folder or below it, so that nothing the address bar or a catalogue
/// says can make the page read another site's file. The bytes are handed over unread: the import
/// preview validates them like a file the user picked.
pub async fn fetch_published(link: &str) -> Result<Vec<u8>, crate::model::published::FetchFault> {
    use crate::model::published::{check_link, FetchFault};

    let link = check_link(link).map_err(FetchFault::Link)?;
    let window = web_sys::window().ok_or(FetchFault::Network)?;
    let location = window.location();
    if location.protocol().unwrap_or_default() == "file:" {
        return Err(FetchFault::FileProtocol);
    }
    let page = location.href().map_err(|_| FetchFault::Resolved)?;
    let origin = location.origin().map_err(|_| FetchFault::Resolved)?;
    let page_path = location.pathname().map_err(|_| FetchFault::Resolved)?;
    let resolved = web_sys::Url::new_with_base(link, &page).map_err(|_| FetchFault::Resolved)?;
    // The app's folder: its address up to the last `/` (`/atlas/` for `/atlas/index.html`).
    let folder = &page_path[..page_path.rfind('/').map_or(0, |slash| slash + 1)];
    if resolved.origin() != origin || !resolved.pathname().starts_with(folder) {
        return Err(FetchFault::Resolved);
    }

    let init = web_sys::RequestInit::new();
    // Ask the server again each time (a conditional request): an organiser who fixes a file on the
    // host is heard at the next open, while the service worker still answers offline.
    init.set_cache(web_sys::RequestCache::NoCache);
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    let answer = JsFuture::from(window.fetch_with_str_and_init(&resolved.href(), &init))
        .await
        .map_err(|_| FetchFault::Network)?;
    let response: web_sys::Response = answer.dyn_into().map_err(|_| FetchFault::Network)?;
    if let Err(fault) = published_answer(&response, &origin) {
        // A body left unread keeps the request open (in the browser's accounting, until the page
        // goes): cancelling it ends the request as soon as the answer is refused.
        if let Some(body) = response.body() {
            let _ = body.cancel();
        }
        return Err(fault);
    }
    let body = response.array_buffer().map_err(|_| FetchFault::Network)?;
    let buffer = JsFuture::from(body)
        .await
        .map_err(|_| FetchFault::Network)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Whether a published file's answer can be read as a dataset: it stayed on the page's origin,
/// found the file and says it is JSON.
fn published_answer(
    response: &web_sys::Response,
    origin: &str,
) -> Result<(), crate::model::published::FetchFault> {
    use crate::model::published::{is_dataset_type, FetchFault};

    // A redirect could have left the origin; the policy forbids it, and this says so plainly.
    let landed = web_sys::Url::new(&response.url())
        .map(|url| url.origin() == origin)
        .unwrap_or(true);
    if !landed {
        return Err(FetchFault::Resolved);
    }
    match response.status() {
        404 | 410 => return Err(FetchFault::NotFound),
        503 if response.status_text() == OFFLINE_STATUS_TEXT => return Err(FetchFault::Network),
        status if !response.ok() => return Err(FetchFault::Status(status)),
        _ => {}
    }
    let kind = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default();
    if !is_dataset_type(&kind) {
        return Err(FetchFault::WrongType(kind));
    }
    Ok(())
}
