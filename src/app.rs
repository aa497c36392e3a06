//! The application shell.
use leptos::prelude::*;

pub fn mount() {
    console_error_panic_hook_set();
    leptos::mount::mount_to_body(|| view! { <h1 data-testid="dataset-title">"Vientiane Vision Atlas"</h1> });
}

fn console_error_panic_hook_set() {}
