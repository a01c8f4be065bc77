from build import Doc
d = Doc('p01', 'Bát Xát: Tỷ lệ giải quyết hồ sơ đúng hạn đạt 99,2% trong 6 tháng đầu năm', '2021-07-15', ['Thu Hà'])
P = 'Tỉnh Lào Cai'
d.locs = {
 'LC': ('tỉnh', 'province', 'Lào Cai', 'Tỉnh Lào Cai', None),
 'BX': ('huyện', 'district', 'Bát Xát', 'Huyện Bát Xát', P),
 'YT': ('xã', 'commune', 'Y Tý', 'Xã Y Tý', P),
 'AMS': ('xã', 'commune', 'A Mú Sung', 'Xã A Mú Sung', P),
 'TT': ('xã', 'commune', 'Trịnh Tường', 'Xã Trịnh Tường', P),
 'SP': ('thị xã', 'district', 'Sa Pa', 'Thị xã Sa Pa', P),
 'TPLC': ('thành phố', 'district', 'Lào Cai', 'Thành phố Lào Cai', P),
}
BX = 'Huyện Bát Xát'
d.LOC = BX
# title
d.L('Bát Xát', 'BX')
d.P = '2021-H1'
d.F('99,2%', 'percentage', 99.2, metric='on_time_rate')
d.D('6 tháng đầu năm', '2021-H1', 'half')
d.D('15/07/2021', '2021-07-15', 'day')
# lead
d.D('Ngày 13/7', '2021-07-13', 'day')
d.L('tỉnh Lào Cai', 'LC')
d.O('Hoàng Minh Khôi', 'Hoàng Minh Khôi', None, ['Phó Giám đốc Sở Nội vụ', 'Trưởng đoàn'])
d.L('huyện Bát Xát', 'BX')
d.L('xã Y Tý', 'YT')
d.L('A Mú Sung', 'AMS')
d.L('Trịnh Tường', 'TT')
d.L('xã Y Tý', 'YT')  # caption
# para 2
d.O('Lù Văn Sơn', 'Lù Văn Sơn', 'ông', ['Phó Bí thư Huyện ủy', 'Chủ tịch UBND huyện Bát Xát'])
d.L('huyện Bát Xát', 'BX')
d.D('6 tháng đầu năm 2021', '2021-H1', 'half')
d.F('3.846', 'dossier_count', 3846, 'hồ sơ', 'received')
d.F('3.790', 'dossier_count', 3790, 'hồ sơ', 'resolved')
d.F('2.105', 'dossier_count', 2105, 'hồ sơ', 'early')
d.F('1.655', 'dossier_count', 1655, 'hồ sơ', 'on_time')
d.F('30', 'dossier_count', 30, 'hồ sơ', 'late', ctx='trễ hạn 30 hồ sơ')
d.F('99,2%', 'percentage', 99.2, metric='on_time_rate')
d.F('1.172', 'dossier_count', 1172, 'hồ sơ', 'online')
d.F('30,5%', 'percentage', 30.5, metric='online_rate')
d.F('22', 'quantity', 22, 'xã', tier='commune', ctx='22 xã, thị trấn đã')
d.F('11.408', 'dossier_count', 11408, 'hồ sơ', 'received', tier='commune')
d.F('98,6%', 'percentage', 98.6, metric='on_time_rate', tier='commune')
# para 3
d.D('ngày 30/6/2021', '2021-06-30', 'day')
d.P = '2021-06-30'
d.F('405', 'quantity', 405, 'dịch vụ công trực tuyến', sl=[3, 4])
d.SL('3', [3], ctx='mức độ 3 và')
d.SL('4', [4], ctx='và mức độ 4,')
d.F('187', 'quantity', 187, 'dịch vụ', sl=4)
d.SL('4', [4], ctx='dịch vụ mức độ 4.')
d.F('1.200', 'quantity', 1200, 'tài khoản dịch vụ công', q='gt')
d.F('100%', 'percentage', 100.0, ctx='100% cơ quan')
d.F('22/22', 'quantity', 22, 'xã', total=22, tier='commune')
# para 4
d.L('xã Y Tý', 'YT')
d.O('Chảo Lở Hờ', 'Chảo Lở Hờ', 'ông', ['Chủ tịch UBND xã'])
d.D('từ đầu năm đến nay', '2021/2021-07-15', 'interval')
d.P = '2021/2021-07-15'
d.LOC = 'Xã Y Tý'
d.F('612', 'dossier_count', 612, 'hồ sơ', 'received')
d.F('100%', 'percentage', 100.0, metric='on_time_rate')
d.F('2', 'quantity', 2, 'ngày', ctx='2-3 ngày')
d.F('3', 'quantity', 3, 'ngày', ctx='2-3 ngày')
# para 5
d.LOC = BX
d.O('Hoàng Minh Khôi', 'Hoàng Minh Khôi', None, [])
d.L('huyện Bát Xát', 'BX')
d.D('năm 2021', '2021', 'year', ctx='cuối năm 2021')
d.P = '2021'
d.F('50%', 'percentage', 50.0, metric='online_rate', q='gt', target=True)
d.F('100%', 'percentage', 100.0, target=True)
d.O('Khôi', 'Hoàng Minh Khôi', 'ông', [], ctx='Ông Khôi')
d.O('Sơn', 'Lù Văn Sơn', 'ông', [], ctx='Ông Sơn')
# related
d.L('Sa Pa', 'SP')
d.F('100%', 'percentage', 100.0, metric='online_rate', period=None, loc='Thị xã Sa Pa')
d.L('TP. Lào Cai', 'TPLC')
d.write()
