//! Entry point of the browser build: mounts the app on `<body>`.

fn main() {
    vientiane_vision_atlas::mount();
}
