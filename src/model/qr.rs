//! The QR code of an address, drawn as SVG: the view's address, handed to an audience's phones. The
//! symbol comes from the `qrcodegen` crate (error correction level M, the smallest version that
//! holds the text); this module only turns its modules into one path of unit squares, row by row,
//! so that the page and a test agree on what is drawn.

use qrcodegen::{QrCode, QrCodeEcc};

/// The light margin around the symbol, in modules, that scanners need (the standard's four).
pub const QUIET_ZONE: i32 = 4;

/// A QR code ready to draw: its width in modules (quiet zone included) and the path of its dark
/// modules in those units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrPicture {
    pub width: i32,
    pub path: String,
}

/// The QR code of `text`, or `None` when the text is too long for any QR code (about 2,300 bytes
/// at level M).
pub fn qr_picture(text: &str) -> Option<QrPicture> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            // One rectangle for each run of dark modules in the row.
            let start = x;
            while x < size && code.get_module(x, y) {
                x += 1;
            }
            let (left, top, run) = (start + QUIET_ZONE, y + QUIET_ZONE, x - start);
            path.push_str(&format!("M{left} {top}h{run}v1h-{run}z"));
        }
    }
    Some(QrPicture {
        width: size + 2 * QUIET_ZONE,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dark cells a path draws, read back from its rectangles.
    fn cells(path: &str) -> Vec<(i32, i32)> {
        let mut cells = Vec::new();
        for rect in path.split('M').filter(|r| !r.is_empty()) {
            let numbers: Vec<i32> = rect
                .trim_end_matches('z')
                .split([' ', 'h', 'v'])
                .filter(|n| !n.is_empty())
                .map(|n| n.parse().expect("a number"))
                .collect();
            let (x, y, run) = (numbers[0], numbers[1], numbers[2]);
            cells.extend((x..x + run).map(|x| (x, y)));
        }
        cells
    }

    #[test]
    fn the_path_draws_exactly_the_dark_modules() {
        let addresses = [
            "https://example.org/atlas/?view=map&measure=CBC&from=2016&to=2016&country=VNM&lang=ja",
            "file:///media/usb/vientiane-vision-atlas.html?view=trends&lang=en",
            "a",
        ];
        for address in addresses {
            let picture = qr_picture(address).expect("an address fits");
            let code = QrCode::encode_text(address, QrCodeEcc::Medium).expect("it fits");
            assert_eq!(picture.width, code.size() + 8);
            let mut expected = Vec::new();
            for y in 0..code.size() {
                for x in 0..code.size() {
                    if code.get_module(x, y) {
                        expected.push((x + QUIET_ZONE, y + QUIET_ZONE));
                    }
                }
            }
            assert_eq!(cells(&picture.path), expected, "{address}");
        }
    }

    #[test]
    fn a_longer_address_takes_a_larger_symbol_and_a_too_long_one_none() {
        let short = qr_picture("https://example.org/?view=map").expect("fits");
        let long =
            qr_picture(&format!("https://example.org/?q={}", "x".repeat(400))).expect("fits");
        assert!(long.width > short.width);
        assert_eq!(qr_picture(&"x".repeat(5000)), None);
    }
}
