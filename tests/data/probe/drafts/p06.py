from build import Doc
d = Doc('p06', 'Nam Định: Thí điểm tiếp nhận hồ sơ không phụ thuộc địa giới hành chính', '2025-04-21', ['Thanh Tâm', 'Đức Mạnh'])
P = 'Tỉnh Nam Định'
d.locs = {
 'ND': ('tỉnh', 'province', 'Nam Định', P, None),
 'HH': ('huyện', 'district', 'Hải Hậu', 'Huyện Hải Hậu', P),
 'GT': ('huyện', 'district', 'Giao Thủy', 'Huyện Giao Thủy', P),
 'NH': ('huyện', 'district', 'Nghĩa Hưng', 'Huyện Nghĩa Hưng', P),
 'YD': ('thị trấn', 'commune', 'Yên Định', 'Thị trấn Yên Định', P),
}
d.LOC = P
d.L('Nam Định', 'ND')
d.D('21/04/2025', '2025-04-21', 'day')
# para 1
d.D('21/4', '2025-04-21', 'day')
d.P = '2025-04-21'
d.L('tỉnh Nam Định', 'ND')
d.F('286', 'quantity', 286, 'thủ tục hành chính')
d.L('tỉnh Nam Định', 'ND')  # caption
# para 2
d.O('Trịnh Thị Thu Hằng', 'Trịnh Thị Thu Hằng', None, ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Phó Chủ tịch UBND tỉnh'])
d.D('Quý I/2025', '2025-Q1', 'quarter')
d.P = '2025-Q1'
d.F('198.457', 'dossier_count', 198457, 'hồ sơ', 'received')
d.F('72,6%', 'percentage', 72.6, metric='online_rate')
d.F('99,58%', 'percentage', 99.58, metric='on_time_rate')
# para 3
d.P = None
d.F('1.734', 'quantity', 1734, 'dịch vụ công trực tuyến')
d.F('1.012', 'quantity', 1012, 'dịch vụ', sl='full')
d.SL('toàn trình', ['full'])
d.F('722', 'quantity', 722, 'dịch vụ', sl='partial')
d.SL('một phần', ['partial'])
# para 4
d.L('huyện Hải Hậu', 'HH')
d.F('86,4%', 'percentage', 86.4, metric='online_rate', loc='Huyện Hải Hậu')
d.L('huyện Giao Thủy', 'GT')
d.L('Nghĩa Hưng', 'NH')
d.L('thị trấn Yên Định', 'YD')
d.L('H. Hải Hậu', 'HH')
d.D('quý I', '2025-Q1', 'quarter', ctx='quý I tiếp nhận')
d.F('2.316', 'dossier_count', 2316, 'hồ sơ', 'received', period='2025-Q1', loc='Thị trấn Yên Định')
# para 5
d.O('Vũ Đức Thắng', 'Vũ Đức Thắng', 'ông', ['Chủ tịch UBND thị trấn Yên Định'])
d.L('thị trấn Yên Định', 'YD')
d.F('100%', 'percentage', 100.0, loc='Thị trấn Yên Định')
# para 6
d.D('tháng 3/2025', '2025-03', 'month')
d.P = '2025-03'
d.F('63/63', 'quantity', 63, 'tỉnh', total=63, tier='province', loc=None)
d.F('53%', 'percentage', 53.0, metric='online_rate', q='approx', loc=None)
d.L('Nam Định', 'ND')
d.F('9', 'quantity', 9, 'hạng', ctx='thứ 9')
# para 7
d.D('năm 2025', '2025', 'year', ctx='hết năm 2025')
d.P = '2025'
d.F('100%', 'percentage', 100.0, target=True)
d.F('50%', 'percentage', 50.0, q='gt', target=True)
d.F('30', 'percentage', 30.0, target=True, ctx='30-40%')
d.F('40%', 'percentage', 40.0, target=True)
d.write()
